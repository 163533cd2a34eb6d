package com.critmin.sourcing.common;

import com.critmin.sourcing.error.ApiException;
import com.critmin.sourcing.error.Problem;
import com.critmin.sourcing.error.ProblemType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Opaque list cursors: the sort key of the last item seen and a tag of the list it belongs to (the
 * resource and its filters), base64url-encoded. The tag makes a cursor of one list a 400 on another
 * instead of silently skipping every item that sorts before its key.
 */
public final class Cursors {
  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 1000;
  private static final String PREFIX = "c2:";

  private Cursors() {}

  /**
   * A cursor for the page after {@code key} of the list named by {@code scope} (resource and
   * filters).
   */
  public static String encode(String scope, String key) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((PREFIX + tag(scope) + ":" + key).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The key in a cursor, or null for the first page; a cursor that was not issued here, or was
   * issued for another list or other filters, is a 400.
   */
  public static String decode(String scope, String cursor) {
    if (cursor == null || cursor.isEmpty()) {
      return null;
    }
    String text;
    try {
      text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    String expected = PREFIX + tag(scope) + ":";
    if (text.startsWith(expected)) {
      return text.substring(expected.length());
    }
    if (text.startsWith(PREFIX)) {
      throw problem("was issued for another list or other filters; start again without a cursor");
    }
    throw invalid();
  }

  /** The 400 for a cursor that this service did not issue. */
  public static ApiException invalid() {
    return problem("not a cursor that this service issued");
  }

  private static ApiException problem(String message) {
    return new ApiException(
        ProblemType.MALFORMED_REQUEST,
        "cursor: " + message,
        List.of(new Problem.FieldError("cursor", message)),
        Map.of());
  }

  private static String tag(String scope) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(scope.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /**
   * The page size from the limit query parameter: default 50, 1 to 1000, anything else is a 400.
   */
  public static int limit(String value) {
    if (value == null || value.isBlank()) {
      return DEFAULT_LIMIT;
    }
    String digits = value.trim();
    // ASCII digits only: Integer.parseInt also reads other scripts' digits (５).
    if (digits.matches("[0-9]{1,9}")) {
      int limit = Integer.parseInt(digits);
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    }
    String message = "must be a whole number from 1 to " + MAX_LIMIT;
    throw new ApiException(
        ProblemType.MALFORMED_REQUEST,
        "limit: " + message,
        List.of(new Problem.FieldError("limit", message)),
        Map.of());
  }

  /** Builds a page from up to limit + 1 rows fetched in key order. */
  public static <T> Page<T> page(
      String scope, List<T> rows, int limit, java.util.function.Function<T, String> key) {
    if (rows.size() <= limit) {
      return new Page<>(rows, null);
    }
    List<T> items = rows.subList(0, limit);
    return new Page<>(List.copyOf(items), encode(scope, key.apply(items.get(limit - 1))));
  }
}
