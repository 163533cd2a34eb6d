package com.critmin.sourcing.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.critmin.sourcing.optimizer.model.Engine;
import com.critmin.sourcing.optimizer.model.SolveOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every solve of one optimizer shares one bounded helper pool: concurrent plans add their callers'
 * threads and nothing else, and a busy pool never stalls a solve.
 */
class SharedSolverPoolTest {

  @Test
  @Timeout(60)
  void withMoreSolvesAtWorkThanPoolThreadsACallerWorksAlone() throws Exception {
    try (SourcingOptimizer optimizer = new SourcingOptimizer(1)) {
      CountDownLatch started = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      Thread busy =
          new Thread(
              () ->
                  optimizer.runParallel(
                      1,
                      1,
                      i -> {
                        started.countDown();
                        await(release);
                      }));
      busy.start();
      started.await();
      // One solve at work and this one: more than the pool's one thread, so no handoff.
      Set<Thread> ran = ConcurrentHashMap.newKeySet();
      optimizer.runParallel(
          8,
          4,
          i -> {
            ran.add(Thread.currentThread());
            sleep(5);
          });
      assertThat(ran).containsExactly(Thread.currentThread());
      release.countDown();
      busy.join();
      // Alone again: the pool helps.
      Set<Thread> helped = ConcurrentHashMap.newKeySet();
      optimizer.runParallel(
          8,
          4,
          i -> {
            helped.add(Thread.currentThread());
            sleep(20);
          });
      assertThat(helped).hasSize(2);
    }
  }

  @Test
  void concurrentSolvesUseNoThreadsBeyondTheirCallersAndThePool() throws Exception {
    try (SourcingOptimizer optimizer = new SourcingOptimizer(2)) {
      Set<Thread> workers = ConcurrentHashMap.newKeySet();
      Set<Thread> callers = ConcurrentHashMap.newKeySet();
      ExecutorService plans = Executors.newFixedThreadPool(8);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int p = 0; p < 8; p++) {
          done.add(
              plans.submit(
                  () -> {
                    callers.add(Thread.currentThread());
                    optimizer.runParallel(
                        6,
                        4,
                        i -> {
                          workers.add(Thread.currentThread());
                          sleep(20);
                        });
                    return null;
                  }));
        }
        for (Future<?> f : done) f.get(60, TimeUnit.SECONDS);
      } finally {
        plans.shutdownNow();
      }
      workers.removeAll(callers);
      // Before: each solve started threads - 1 = 3 threads of its own, 24 for 8 plans.
      assertThat(workers).hasSizeLessThanOrEqualTo(2).isNotEmpty();
      assertThat(workers).allMatch(t -> t.getName().startsWith("sourcing-optimizer-"));
    }
  }

  @Test
  @Timeout(30)
  void aSolveWhoseHelpersCannotStartIsDoneByItsCaller() throws Exception {
    try (SourcingOptimizer optimizer = new SourcingOptimizer(1)) {
      CountDownLatch bothBlocked = new CountDownLatch(2);
      CountDownLatch release = new CountDownLatch(1);
      Thread busy =
          new Thread(
              () ->
                  optimizer.runParallel(
                      2,
                      2,
                      i -> {
                        bothBlocked.countDown();
                        await(release);
                      }));
      busy.start();
      // The caller holds one task and the pool's only thread the other.
      assertThat(bothBlocked.await(20, TimeUnit.SECONDS)).isTrue();

      AtomicInteger ran = new AtomicInteger();
      long start = System.nanoTime();
      optimizer.runParallel(5, 2, i -> ran.incrementAndGet());
      long millis = (System.nanoTime() - start) / 1_000_000;

      release.countDown();
      busy.join();
      assertThat(ran).hasValue(5);
      assertThat(millis).as("did not wait for the busy pool").isLessThan(5_000);
    }
  }

  @Test
  void theFirstFailureIsRethrownAndLaterTasksAreSkipped() {
    try (SourcingOptimizer optimizer = new SourcingOptimizer(2)) {
      AtomicInteger ran = new AtomicInteger();
      assertThatThrownBy(
              () ->
                  optimizer.runParallel(
                      1_000,
                      3,
                      i -> {
                        ran.incrementAndGet();
                        if (i == 3) throw new IllegalArgumentException("part 3");
                        sleep(1);
                      }))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("part 3");
      assertThat(ran.get()).isLessThan(1_000);
    }
  }

  @Test
  void aClosedOptimizerStillSolvesOnTheCallersThread() {
    SourcingOptimizer optimizer = new SourcingOptimizer(2);
    optimizer.close();
    AtomicInteger ran = new AtomicInteger();
    optimizer.runParallel(10, 4, i -> ran.incrementAndGet());
    assertThat(ran).hasValue(10);
  }

  @Test
  void withoutTimeLimitThereIsNoDeadline() {
    assertThat(new SolveOptions(Engine.GLOP, 0, 1).deadlineNanos(System.nanoTime()))
        .isEqualTo(Long.MAX_VALUE);
    assertThat(new SolveOptions(Engine.GLOP, Long.MAX_VALUE, 1).deadlineNanos(5))
        .isEqualTo(Long.MAX_VALUE);
    assertThat(new SolveOptions(Engine.GLOP, 1_500, 1).deadlineNanos(1_000))
        .isEqualTo(1_000 + 1_500_000_000L);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
