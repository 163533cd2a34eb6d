package com.critmin.sourcing.common;

/**
 * Upper bounds of the amounts a client sends. Quantity times price must stay a finite double (a
 * plan's costs are products and sums of them), so 1e308 passes as "finite" but is out of range;
 * 1e15 still admits grams of world output at prices in any currency.
 */
public final class Amounts {
  /** Most a quantity, capacity, unit price or penalty may be, as a Bean Validation bound. */
  public static final String MAX = "1e15";

  public static final double MAX_VALUE = 1e15;

  public static final String MAX_MESSAGE = "must be at most 1e15";

  /**
   * Most a scenario factor may be: a thousandfold tariff or capacity is already far beyond any
   * what-if.
   */
  public static final String FACTOR_MAX = "1000";

  public static final String FACTOR_MAX_MESSAGE = "must be at most 1000";

  private Amounts() {}
}
