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
 * Runs {@code Prefer: respond-async} analyses in the background, the way asynchronous plans run
 * today: a bounded number of places (workers plus queue, as configured for plans), 503 with
 * Retry-After when every place is taken. The only class that knows how a background analysis is
 * scheduled, so it can move onto a job system without touching the rest.
 */
@ApplicationScoped
public class AnalysisJobs {
  private final ExecutorService workers;
  private final Semaphore places;

  public AnalysisJobs(SourcingConfig config) {
    this.workers =
        Executors.newFixedThreadPool(
            config.solver().asyncWorkers(),
            runnable -> {
              Thread thread = new Thread(runnable, "async-analysis");
              thread.setDaemon(true);
              return thread;
            });
    this.places = new Semaphore(config.solver().asyncWorkers() + config.solver().asyncQueue());
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
