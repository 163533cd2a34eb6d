package com.critmin.sourcing.optimizer.part;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The greedy's price order is stable (ties keep their index order) and treats -0.0 as 0.0, for
 * small arrays (merge sort) and large ones (radix sort) alike.
 */
class PriceSortTest {

  static IntStream seeds() {
    return IntStream.range(0, 40);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void sortsByPriceStablyLikeAStableComparisonSort(int seed) {
    Random r = new Random(seed);
    int n =
        seed % 2 == 0
            ? LaminarGreedy.RADIX_MIN + r.nextInt(50_000)
            : 1 + r.nextInt(LaminarGreedy.RADIX_MIN - 1);
    double[] key = new double[n + 7];
    for (int i = 0; i < key.length; i++) {
      key[i] =
          switch ((seed / 2) % 4) {
            case 0 -> Math.round((40 + 60 * r.nextDouble()) * 100) / 100.0; // cents: many ties
            case 1 -> r.nextDouble() * Math.pow(10, r.nextInt(12) - 4); // many magnitudes
            case 2 -> (r.nextInt(5) - 2) * r.nextDouble() * 1e3; // negatives and zeros
            default -> r.nextInt(3) == 0 ? -0.0 : r.nextInt(3); // -0.0 ties 0.0
          };
    }
    int[] idx = IntStream.range(0, n).toArray(); // ascending, as the greedy builds it

    assertThat(LaminarGreedy.sortByKey(idx.clone(), key)).containsExactly(stableSort(idx, key));
  }

  /** Arrays.sort of objects is stable; the comparison uses < and >, so -0.0 ties 0.0. */
  private static int[] stableSort(int[] idx, double[] key) {
    Integer[] boxed = Arrays.stream(idx).boxed().toArray(Integer[]::new);
    Arrays.sort(boxed, (a, b) -> key[a] < key[b] ? -1 : key[a] > key[b] ? 1 : 0);
    return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
  }
}
