package com.critmin.sourcing.plan;

import java.security.SecureRandom;

/** ULIDs: 26 Crockford base-32 characters that sort by creation time, unique across replicas. */
public final class PlanIds {
  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private PlanIds() {}

  public static String next(long epochMillis) {
    char[] id = new char[26];
    long time = epochMillis;
    for (int i = 9; i >= 0; i--) {
      id[i] = ALPHABET[(int) (time & 31)];
      time >>>= 5;
    }
    byte[] random = new byte[10];
    RANDOM.nextBytes(random);
    // 80 random bits -> 16 characters of 5 bits each.
    int bit = 0;
    for (int i = 10; i < 26; i++) {
      int value = 0;
      for (int b = 0; b < 5; b++, bit++) {
        value = (value << 1) | ((random[bit >> 3] >> (7 - (bit & 7))) & 1);
      }
      id[i] = ALPHABET[value];
    }
    return new String(id);
  }
}
