package com.critmin.sourcing.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fast rounding of plan numbers gives exactly what rounding the shortest decimal gives. */
class DecimalsTest {

  @Test
  void roundsAsTheShortestDecimalDoes() {
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < 2_000_000; i++) {
      double value =
          switch (i % 4) {
            case 0 -> random.nextDouble() * 1000;
            case 1 -> Math.round(random.nextDouble() * 1e9) / 1e6; // six decimals, as parsed
            case 2 -> (Math.round(random.nextDouble() * 1e7) + 0.5) / 1e7; // ties at 7 decimals
            default -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-3, 14));
          };
      assertThat(Decimals.sixDecimals(value)).as("%s", value).isEqualTo(slowSix(value));
      assertThat(Decimals.money(value, "USD")).as("%s", value).isEqualTo(slow(value, 2));
      assertThat(Decimals.money(value, "JPY")).as("%s", value).isEqualTo(slow(value, 0));
    }
  }

  @Test
  void knownTiesRoundHalfUp() {
    assertThat(Decimals.money(0.125, "USD")).isEqualTo(new BigDecimal("0.13"));
    assertThat(Decimals.money(-0.125, "USD")).isEqualTo(new BigDecimal("-0.13"));
    assertThat(Decimals.money(1.005, "USD")).isEqualTo(new BigDecimal("1.01"));
    assertThat(Decimals.sixDecimals(2.0000005)).isEqualTo(new BigDecimal("2.000001"));
    assertThat(Decimals.sixDecimals(0.35000000000000003)).isEqualTo(new BigDecimal("0.35"));
    assertThat(Decimals.sixDecimals(-0.0)).isEqualTo(new BigDecimal("0.0"));
  }

  private static BigDecimal slow(double value, int digits) {
    BigDecimal rounded = BigDecimal.valueOf(value).setScale(digits, RoundingMode.HALF_UP);
    return rounded.signum() == 0 ? BigDecimal.ZERO.setScale(digits) : rounded;
  }

  private static BigDecimal slowSix(double value) {
    BigDecimal stripped = slow(value, 6).stripTrailingZeros();
    return stripped.scale() < 1 ? stripped.setScale(1) : stripped;
  }
}
