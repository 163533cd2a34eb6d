package com.critmin.sourcing.error;

import java.net.URI;

/** The stable problem types of the API, with their title and HTTP status. */
public enum ProblemType {
  MALFORMED_REQUEST("malformed-request", "Malformed request", 400),
  UNAUTHORIZED("unauthorized", "Unauthorized", 401),
  FORBIDDEN("forbidden", "Forbidden", 403),
  VALIDATION("validation", "Invalid request", 422),
  NOT_FOUND("not-found", "Not found", 404),
  METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
  NOT_ACCEPTABLE("not-acceptable", "Not acceptable", 406),
  CONFLICT("conflict", "Conflict", 409),
  READ_ONLY("read-only", "Read-only resource", 405),
  PRECONDITION_FAILED("precondition-failed", "Precondition failed", 412),
  PAYLOAD_TOO_LARGE("payload-too-large", "Payload too large", 413),
  UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", 415),
  INTERNAL("internal", "Internal error", 500),
  SERVICE_UNAVAILABLE("service-unavailable", "Service unavailable", 503);

  public static final String BASE = "https://sourcing.critmin.com/problems/";

  private final URI uri;
  private final String title;
  private final int status;

  ProblemType(String slug, String title, int status) {
    this.uri = URI.create(BASE + slug);
    this.title = title;
    this.status = status;
  }

  public URI uri() {
    return uri;
  }

  public String title() {
    return title;
  }

  public int status() {
    return status;
  }
}
