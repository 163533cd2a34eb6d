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
   * A strong tag of a representation without a row version (a plan, an analysis, an input snapshot,
   * a preset): its text's hash and length, the same for the same text on every replica.
   */
  public static EntityTag ofText(String representation) {
    return new EntityTag(
        Integer.toHexString(representation.hashCode()) + "-" + representation.length());
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

  /**
   * Checks an If-None-Match header on a write (RFC 9110 13.1.2): {@code *} fails when the resource
   * exists, which makes a PUT create-only; a list of tags fails when one matches the current tag.
   */
  public static void checkIfNoneMatch(String ifNoneMatch, EntityTag current) {
    if (ifNoneMatch == null || ifNoneMatch.isBlank() || current == null) {
      return;
    }
    String trimmed = ifNoneMatch.trim();
    if (trimmed.equals("*")) {
      throw ApiException.preconditionFailed(
          "If-None-Match: * given but the resource already exists (ETag \""
              + current.getValue()
              + "\"); read it, and replace it with If-Match if you mean to");
    }
    for (String candidate : trimmed.split(",")) {
      String tag = candidate.trim();
      // weak comparison: W/"x" matches "x"
      if (tag.startsWith("W/")) {
        tag = tag.substring(2);
      }
      if (tag.equals("\"" + current.getValue() + "\"")) {
        throw ApiException.preconditionFailed(
            "If-None-Match matches the current ETag \"" + current.getValue() + "\"");
      }
    }
  }
}
