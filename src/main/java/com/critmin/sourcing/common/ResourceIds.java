package com.critmin.sourcing.common;

/** Client-chosen resource ids, so that an ERP can sync with idempotent PUTs. */
public final class ResourceIds {
  public static final String REGEX = "[A-Za-z0-9._-]{1,64}";
  public static final String MESSAGE =
      "must be 1 to 64 characters of A-Z, a-z, 0-9, '.', '_' or '-'";

  /** Processing stages are upper-case identifiers such as MINING or SEPARATION. */
  public static final String STAGE_REGEX = "[A-Z][A-Z0-9_]{0,31}";

  public static final String STAGE_MESSAGE =
      "must be an upper-case stage name such as MINING or SEPARATION";

  private ResourceIds() {}

  /**
   * Same as the regular expression, without its per-call cost (plan requests check 100,000s of
   * ids).
   */
  public static boolean isValid(String id) {
    if (id == null || id.isEmpty() || id.length() > 64) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean ok =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '_'
              || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
