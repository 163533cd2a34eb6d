package com.critmin.sourcing.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * The numbers of a plan as exact decimals: money in the currency's minor unit (ISO 4217: 2 for USD,
 * 0 for JPY), quantities and shares to 6 decimals, HHI to 2, without binary noise (0.35, not
 * 0.35000000000000003). Written plain (no exponent) by the service's JSON mapper.
 */
final class Decimals {
  private Decimals() {}

  static BigDecimal money(double amount, String currency) {
    return round(amount, minorDigits(currency));
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

  /** ISO 4217 minor unit; 2 for a code the JVM does not know or one without a minor unit. */
  static int minorDigits(String currency) {
    try {
      int digits = Currency.getInstance(currency).getDefaultFractionDigits();
      return digits < 0 ? 2 : digits;
    } catch (IllegalArgumentException | NullPointerException e) {
      return 2;
    }
  }

  private static BigDecimal round(double value, int digits) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("not a finite number: " + value);
    }
    // valueOf goes through the shortest decimal that reads back as the double, then rounds once.
    BigDecimal rounded = BigDecimal.valueOf(value).setScale(digits, RoundingMode.HALF_UP);
    return rounded.signum() == 0 ? BigDecimal.ZERO.setScale(digits) : rounded;
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
