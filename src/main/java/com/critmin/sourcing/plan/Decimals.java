package com.critmin.sourcing.plan;

import com.critmin.sourcing.optimizer.Explanations;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The numbers of a plan as exact decimals: money in the currency's minor unit (ISO 4217: 2 for USD,
 * 0 for JPY), quantities and shares to 6 decimals, HHI to 2, without binary noise (0.35, not
 * 0.35000000000000003). Written plain (no exponent) by the service's JSON mapper.
 */
final class Decimals {
  private Decimals() {}

  static BigDecimal money(double amount, String currency) {
    return round(amount, Explanations.minorDigits(currency));
  }

  static BigDecimal money(Double amount, String currency) {
    return amount == null ? null : money(amount.doubleValue(), currency);
  }

  /** A quantity, share or per-unit figure: at most 6 decimals, trailing zeros dropped. */
  static BigDecimal sixDecimals(double value) {
    return strip(round(value, 6));
  }

  static BigDecimal sixDecimals(Double value) {
    return value == null ? null : sixDecimals(value.doubleValue());
  }

  static BigDecimal hhi(double value) {
    return strip(round(value, 2));
  }

  private static BigDecimal round(double value, int digits) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("not a finite number: " + value);
    }
    BigDecimal rounded = fastRound(value, digits);
    if (rounded == null) {
      // valueOf goes through the shortest decimal that reads back as the double, then rounds once.
      rounded = BigDecimal.valueOf(value).setScale(digits, RoundingMode.HALF_UP);
    }
    return rounded.signum() == 0 ? BigDecimal.ZERO.setScale(digits) : rounded;
  }

  private static final double[] POWERS_OF_TEN = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8};

  /**
   * The same rounding without the decimal string, for a value whose scaled fraction is far from a
   * tie: value x 10^digits is off the exact product by a few units in the last place at most, and
   * so is the shortest decimal of the value, so both round to the same nearest integer when the
   * fraction is further than 1e-3 from one half. Null when the slow path must decide (near a tie,
   * or too large for the margin to hold).
   */
  private static BigDecimal fastRound(double value, int digits) {
    if (digits >= POWERS_OF_TEN.length) {
      return null;
    }
    double scaled = value * POWERS_OF_TEN[digits];
    if (!(Math.abs(scaled) < 1e12)) {
      return null;
    }
    double fraction = Math.abs(scaled - Math.floor(scaled) - 0.5);
    if (fraction < 1e-3) {
      return null;
    }
    return BigDecimal.valueOf((long) Math.rint(scaled), digits);
  }

  /**
   * Trailing zeros dropped, but one decimal kept (650.0): a quantity reads as a decimal number in
   * every client, whole or not.
   */
  private static BigDecimal strip(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 1 ? stripped.setScale(1) : stripped;
  }
}
