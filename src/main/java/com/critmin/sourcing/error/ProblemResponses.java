package com.critmin.sourcing.error;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** Builds problem responses with the problem media type. */
public final class ProblemResponses {
  public static final String MEDIA_TYPE = "application/problem+json";

  private ProblemResponses() {}

  public static Response of(
      ProblemType type, String detail, List<Problem.FieldError> errors, UriInfo uri) {
    return builder(type, detail, errors, uri).build();
  }

  public static Response.ResponseBuilder builder(
      ProblemType type, String detail, List<Problem.FieldError> errors, UriInfo uri) {
    String instance = uri == null ? null : uri.getRequestUri().getRawPath();
    Problem problem =
        new Problem(type.uri(), type.title(), type.status(), detail, instance, errors);
    return Response.status(type.status()).type(MEDIA_TYPE).entity(problem);
  }
}
