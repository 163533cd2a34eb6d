package com.critmin.sourcing.config;

/** The roles of the bearer token's {@code groups} claim that the API knows (SPEC section 6). */
public final class Roles {
  /** Writes master data (materials, suppliers, offers, country groups, stages, policies). */
  public static final String ADMIN = "sourcing-admin";

  /** Creates and reads plans and analyses. */
  public static final String PLANNER = "sourcing-planner";

  private Roles() {}
}
