package com.critmin.sourcing.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Runs one action on many threads released at the same moment, as racing clients do. */
public final class Concurrently {
  private Concurrently() {}

  /** A timed result of one client. */
  public record Timed<T>(T result, long millis) {}

  /** The results of action(0) .. action(n - 1), all started together, in client order. */
  public static <T> List<Timed<T>> atOnce(int n, IntFunction<T> action) {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    CountDownLatch ready = new CountDownLatch(n);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<Timed<T>>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int client = i;
        futures.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  long start = System.nanoTime();
                  T result = action.apply(client);
                  return new Timed<>(result, (System.nanoTime() - start) / 1_000_000);
                }));
      }
      ready.await();
      go.countDown();
      List<Timed<T>> results = new ArrayList<>();
      for (Future<Timed<T>> future : futures) {
        results.add(future.get());
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
