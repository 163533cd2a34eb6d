package com.critmin.sourcing.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Money in explanations reads exactly as {@code %,.Nf} writes it, N the currency's minor unit (2
 * for USD, 0 for JPY, 3 for BHD), followed by the currency.
 */
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
      for (String currency : new String[] {"USD", "JPY", "BHD"}) {
        assertThat(Explanations.money(value, currency)).isEqualTo(formatted(value, currency));
      }
    }
    for (int i = 0; i < 500_000; i++) {
      double value =
          i % 2 == 0
              ? (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-4, 13))
              : (Math.round(random.nextDouble() * 1e6) + 0.5) / 100; // ties at the cent
      String currency = i % 3 == 0 ? "JPY" : "USD";
      assertThat(Explanations.money(value, currency))
          .as("%s", value)
          .isEqualTo(formatted(value, currency));
    }
  }

  private static String formatted(double value, String currency) {
    int digits = Explanations.minorDigits(currency);
    return String.format(Locale.US, "%,." + digits + "f", value) + " " + currency;
  }
}
