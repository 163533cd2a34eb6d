package com.critmin.sourcing.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem document: the one error format of the API. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
    name = "Problem",
    description = "RFC 9457 problem document returned for every 4xx and 5xx response")
public record Problem(
    @Schema(
            description = "Stable URI identifying the problem type",
            example = "https://sourcing.critmin.com/problems/validation")
        URI type,
    @Schema(
            description = "Short human-readable summary of the problem type",
            example = "Invalid request")
        String title,
    @Schema(description = "HTTP status code", example = "422") int status,
    @Schema(
            description = "Explanation specific to this occurrence",
            example = "capacity: must be at least 0")
        String detail,
    @Schema(description = "The request path", example = "/v1/offers/lynas-ndpr") String instance,
    @Schema(description = "One entry per invalid field (validation problems only)")
        List<FieldError> errors,
    @Schema(
            description =
                "The request's id, as in its X-Request-Id header: quote it to find the request in the logs",
            example = "5f0c1c6e-2b8e-4d0a-9d55-1f3c2b7a9e10")
        String requestId) {

  public Problem(
      URI type, String title, int status, String detail, String instance, List<FieldError> errors) {
    this(type, title, status, detail, instance, errors, RequestIds.current());
  }

  /** One invalid field of a request. */
  @Schema(name = "FieldError")
  public record FieldError(
      @Schema(description = "Path of the field in the request", example = "offers[3].capacity")
          String field,
      @Schema(description = "What is wrong with it", example = "must be at least 0")
          String message) {}
}
