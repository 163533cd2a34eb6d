package com.critmin.sourcing.error;

import java.util.List;
import java.util.Map;

/** A failure that the API reports as a problem document; thrown by services, mapped once. */
public class ApiException extends RuntimeException {
  private final ProblemType type;
  private final List<Problem.FieldError> errors;
  private final Map<String, String> headers;

  public ApiException(ProblemType type, String detail) {
    this(type, detail, null, Map.of());
  }

  public ApiException(
      ProblemType type,
      String detail,
      List<Problem.FieldError> errors,
      Map<String, String> headers) {
    super(detail, null, false, false);
    this.type = type;
    this.errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    this.headers = Map.copyOf(headers);
  }

  public static ApiException notFound(String what, String id) {
    return new ApiException(ProblemType.NOT_FOUND, what + " '" + id + "' does not exist");
  }

  public static ApiException conflict(String detail) {
    return new ApiException(ProblemType.CONFLICT, detail);
  }

  public static ApiException preconditionFailed(String detail) {
    return new ApiException(ProblemType.PRECONDITION_FAILED, detail);
  }

  /** A body that is well-formed but refers to something missing or breaks a cross-field rule. */
  public static ApiException invalid(List<Problem.FieldError> errors) {
    // Two checks that find the same fault (the API's and the optimizer's) report it once.
    errors = errors.stream().distinct().toList();
    String detail =
        errors.size() == 1
            ? errors.get(0).field() + ": " + errors.get(0).message()
            : errors.size() + " fields are invalid";
    return new ApiException(ProblemType.VALIDATION, detail, errors, Map.of());
  }

  public static ApiException invalid(String field, String message) {
    return invalid(List.of(new Problem.FieldError(field, message)));
  }

  /**
   * The database is away or too busy: 503 with the seconds a client should wait before retrying.
   */
  public static ApiException unavailable(String detail, int retryAfterSeconds) {
    return new ApiException(
        ProblemType.SERVICE_UNAVAILABLE,
        detail,
        null,
        Map.of("Retry-After", String.valueOf(retryAfterSeconds)));
  }

  public static ApiException readOnly(String detail) {
    return new ApiException(ProblemType.READ_ONLY, detail, null, Map.of("Allow", "GET, HEAD"));
  }

  public ProblemType type() {
    return type;
  }

  public List<Problem.FieldError> errors() {
    return errors;
  }

  public Map<String, String> headers() {
    return headers;
  }
}
