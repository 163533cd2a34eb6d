package com.critmin.sourcing.config;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;

/**
 * Adds the problem responses that any operation may return, 401 and 403 (no token or no role), 500
 * and 503 (the database away or too busy), so that no operation forgets them.
 */
public class OpenApiErrorsFilter implements OASFilter {
  @Override
  public Operation filterOperation(Operation operation) {
    // Replaces the body-less 401 and 403 that Quarkus adds for @RolesAllowed.
    if (operation.getResponses() != null) {
      operation
          .getResponses()
          .addAPIResponse("401", OASFactory.createAPIResponse().ref("Unauthorized"))
          .addAPIResponse("403", OASFactory.createAPIResponse().ref("Forbidden"));
    }
    if (operation.getResponses() != null
        && operation.getResponses().getAPIResponse("500") == null) {
      operation
          .getResponses()
          .addAPIResponse("500", OASFactory.createAPIResponse().ref("InternalError"));
    }
    if (operation.getResponses() != null
        && operation.getResponses().getAPIResponse("503") == null) {
      operation
          .getResponses()
          .addAPIResponse("503", OASFactory.createAPIResponse().ref("ServiceUnavailable"));
    }
    return operation;
  }
}
