package com.critmin.sourcing.analysis;

import com.critmin.sourcing.config.SourcingConfig;
import com.critmin.sourcing.error.ApiException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * Runs {@code Prefer: respond-async} analyses in the background on this replica, the way
 * asynchronous plans ran before they became database jobs: {@code sourcing.jobs.threads} workers
 * and four times as many waiting places, 503 with Retry-After when every place is taken. The only
 * class that knows how a background analysis is scheduled, so it can move onto the job system
 * without touching the rest.
 */
@ApplicationScoped
public class AnalysisJobs {
  private final ExecutorService workers;
  private final Semaphore places;

  public AnalysisJobs(SourcingConfig config) {
    this.workers =
        Executors.newFixedThreadPool(
            config.jobs().threads(),
            runnable -> {
              Thread thread = new Thread(runnable, "async-analysis");
              thread.setDaemon(true);
              return thread;
            });
    // Running and waiting: as many places as the job threads four times over (in memory, one
    // replica).
    this.places = new Semaphore(config.jobs().threads() * 5);
  }

  /** A place for one background run, or 503 when none is free; release it if not submitted. */
  public Place reserve() {
    if (!places.tryAcquire()) {
      throw ApiException.unavailable(
          "Every place for asynchronous analyses is taken; retry later or run it synchronously",
          10);
    }
    return new Place();
  }

  /** A reserved place: submit the work once, or release it. */
  public final class Place implements AutoCloseable {
    private boolean submitted;

    /**
     * Runs {@code work} in the background; {@code abandoned} is told when the service stops first.
     */
    public void submit(Runnable work, Consumer<String> abandoned) {
      submitted = true;
      try {
        workers.execute(
            () -> {
              try {
                work.run();
              } finally {
                places.release();
              }
            });
      } catch (RuntimeException e) {
        places.release();
        abandoned.accept("The service stopped before this analysis ran; submit it again");
      }
    }

    @Override
    public void close() {
      if (!submitted) places.release();
    }
  }

  @PreDestroy
  void stop() {
    workers.shutdownNow();
  }
}
