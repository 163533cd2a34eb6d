package com.critmin.sourcing.common;

import com.critmin.sourcing.error.ApiException;
import com.critmin.sourcing.error.Problem;
import com.critmin.sourcing.error.ProblemType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** Query parameter values read once, with a 400 naming the parameter when they are malformed. */
public final class QueryValues {
  private QueryValues() {}

  /** An ISO 8601 instant, or null when the parameter is absent or blank. */
  public static Instant instant(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw invalid(name, "must be an ISO 8601 instant such as 2026-11-01T00:00:00Z");
    }
  }

  /** The 400 problem for a malformed query parameter. */
  public static ApiException invalid(String name, String message) {
    return new ApiException(
        ProblemType.MALFORMED_REQUEST,
        name + ": " + message,
        List.of(new Problem.FieldError(name, message)),
        Map.of());
  }
}
