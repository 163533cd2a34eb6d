package com.critmin.sourcing.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Money in explanations reads exactly as {@code %,.2f} writes it. */
class ExplanationsMoneyTest {

  @Test
  void writesWhatFormatterWrites() {
    SplittableRandom random = new SplittableRandom(7);
    double[] edges = {
      0,
      -0.0,
      0.005,
      -0.005,
      0.125,
      1.005,
      999.995,
      1000,
      -1234567.891,
      1e15,
      -0.001,
      Double.NaN,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      Double.MIN_VALUE
    };
    for (double value : edges) {
      assertThat(Explanations.money(value)).isEqualTo(String.format(Locale.US, "%,.2f", value));
    }
    for (int i = 0; i < 500_000; i++) {
      double value =
          i % 2 == 0
              ? (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-4, 13))
              : (Math.round(random.nextDouble() * 1e6) + 0.5) / 100; // ties at the cent
      assertThat(Explanations.money(value))
          .as("%s", value)
          .isEqualTo(String.format(Locale.US, "%,.2f", value));
    }
  }
}
