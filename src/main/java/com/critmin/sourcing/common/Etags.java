package com.critmin.sourcing.common;

import com.critmin.sourcing.error.ApiException;
import jakarta.ws.rs.core.EntityTag;

/** Strong entity tags from a row's version, and the If-Match check that guards every write. */
public final class Etags {
  private Etags() {}

  public static EntityTag of(long version, java.time.Instant createdAt) {
    return new EntityTag(version + "-" + Long.toString(createdAt.toEpochMilli(), 36));
  }

  /**
   * Checks an If-Match header against the current tag (null when the resource does not exist).
   * Absent If-Match means unconditional; {@code *} matches any existing representation.
   */
  public static void checkIfMatch(String ifMatch, EntityTag current) {
    if (ifMatch == null || ifMatch.isBlank()) {
      return;
    }
    String trimmed = ifMatch.trim();
    if (trimmed.equals("*")) {
      if (current == null) {
        throw ApiException.preconditionFailed("If-Match: * given but the resource does not exist");
      }
      return;
    }
    if (current != null) {
      for (String candidate : trimmed.split(",")) {
        String tag = candidate.trim();
        if (tag.startsWith("W/")) {
          continue; // weak tags never match under the strong comparison RFC 9110 requires
        }
        if (tag.equals("\"" + current.getValue() + "\"")) {
          return;
        }
      }
    }
    throw ApiException.preconditionFailed(
        current == null
            ? "If-Match given but the resource does not exist"
            : "If-Match does not match the current ETag "
                + "\""
                + current.getValue()
                + "\"; read it again");
  }
}
