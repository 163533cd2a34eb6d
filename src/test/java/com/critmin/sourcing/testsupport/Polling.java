package com.critmin.sourcing.testsupport;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/** Waits in tests for what the service does in the background. */
public final class Polling {
  private Polling() {}

  /** Reads until the value is done or the bound has passed; answers the last value read. */
  public static <T> T until(Callable<T> read, Predicate<T> done, Duration bound) throws Exception {
    long deadline = System.nanoTime() + bound.toNanos();
    T value = read.call();
    while (!done.test(value) && System.nanoTime() < deadline) {
      Thread.sleep(50);
      value = read.call();
    }
    return value;
  }
}
