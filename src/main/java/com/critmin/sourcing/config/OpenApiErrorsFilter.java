package com.critmin.sourcing.config;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;

/**
 * Adds the problem response that any operation may return, 500, so that no operation forgets it.
 */
public class OpenApiErrorsFilter implements OASFilter {
  @Override
  public Operation filterOperation(Operation operation) {
    if (operation.getResponses() != null
        && operation.getResponses().getAPIResponse("500") == null) {
      operation
          .getResponses()
          .addAPIResponse("500", OASFactory.createAPIResponse().ref("InternalError"));
    }
    return operation;
  }
}
