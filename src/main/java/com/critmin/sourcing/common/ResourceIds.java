package com.critmin.sourcing.common;

import java.util.regex.Pattern;

/** Client-chosen resource ids, so that an ERP can sync with idempotent PUTs. */
public final class ResourceIds {
  public static final String REGEX = "[A-Za-z0-9._-]{1,64}";
  public static final String MESSAGE = "must be 1 to 64 characters of A-Z, a-z, 0-9, '.', '_' or '-'";
  /** Processing stages are upper-case identifiers such as MINING or SEPARATION. */
  public static final String STAGE_REGEX = "[A-Z][A-Z0-9_]{0,31}";
  public static final String STAGE_MESSAGE = "must be an upper-case stage name such as MINING or SEPARATION";

  private static final Pattern ID = Pattern.compile(REGEX);

  private ResourceIds() {}

  public static boolean isValid(String id) {
    return id != null && ID.matcher(id).matches();
  }
}
