package com.critmin.sourcing.common;

import com.critmin.sourcing.problem.ApiException;
import com.critmin.sourcing.problem.Problem;
import com.critmin.sourcing.problem.ProblemType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Opaque list cursors: the sort key of the last item seen, base64url-encoded. */
public final class Cursors {
  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 1000;
  private static final String PREFIX = "c1:";

  private Cursors() {}

  public static String encode(String key) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((PREFIX + key).getBytes(StandardCharsets.UTF_8));
  }

  /** The key in a cursor, or null for the first page; a cursor that was not issued here is a 400. */
  public static String decode(String cursor) {
    if (cursor == null || cursor.isEmpty()) {
      return null;
    }
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (text.startsWith(PREFIX)) {
        return text.substring(PREFIX.length());
      }
    } catch (IllegalArgumentException e) {
      // falls through to the problem below
    }
    throw invalid();
  }

  /** The 400 for a cursor that this service did not issue. */
  public static ApiException invalid() {
    return new ApiException(
        ProblemType.MALFORMED_REQUEST,
        "cursor: not a cursor that this service issued",
        List.of(new Problem.FieldError("cursor", "not a cursor that this service issued")),
        Map.of());
  }

  /** The page size from the limit query parameter: default 50, 1 to 1000, anything else is a 400. */
  public static int limit(String value) {
    if (value == null || value.isBlank()) {
      return DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(value.trim());
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // falls through to the problem below
    }
    String message = "must be a whole number from 1 to " + MAX_LIMIT;
    throw new ApiException(
        ProblemType.MALFORMED_REQUEST, "limit: " + message, List.of(new Problem.FieldError("limit", message)), Map.of());
  }

  /** Builds a page from up to limit + 1 rows fetched in key order. */
  public static <T> Page<T> page(List<T> rows, int limit, java.util.function.Function<T, String> key) {
    if (rows.size() <= limit) {
      return new Page<>(rows, null);
    }
    List<T> items = rows.subList(0, limit);
    return new Page<>(List.copyOf(items), encode(key.apply(items.get(limit - 1))));
  }
}
