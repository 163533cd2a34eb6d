package com.critmin.sourcing.optimizer.part;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The radix sort of the greedy orders exactly like the stable merge sort it replaced, ties
 * included.
 */
class PriceSortTest {

  @Test
  void radixSortOrdersLikeTheStableMergeSort() {
    Random r = new Random(42);
    for (int round = 0; round < 40; round++) {
      int n = LaminarGreedy.RADIX_MIN + r.nextInt(50_000);
      double[] key = new double[n + 7];
      for (int i = 0; i < key.length; i++) {
        key[i] =
            switch (round % 4) {
              case 0 -> Math.round((40 + 60 * r.nextDouble()) * 100) / 100.0; // cents: many ties
              case 1 -> r.nextDouble() * Math.pow(10, r.nextInt(12) - 4); // many magnitudes
              case 2 -> (r.nextInt(5) - 2) * r.nextDouble() * 1e3; // negatives and zeros
              default -> r.nextInt(3) == 0 ? -0.0 : r.nextInt(3); // -0.0 ties 0.0
            };
      }
      int[] idx = new int[n];
      for (int i = 0; i < n; i++) idx[i] = i; // ascending, as the greedy builds it
      int[] expected = LaminarGreedy.mergeSorted(idx.clone(), key);
      assertThat(LaminarGreedy.sortByKey(idx.clone(), key))
          .as("round %d", round)
          .containsExactly(expected);
    }
  }
}
