package com.critmin.sourcing.testsupport;

import com.critmin.sourcing.job.Jobs;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Tests of asynchronous jobs (plans, frontiers, stress tests) with the queue held: each test starts
 * with job polling paused, sets up the job table as a scenario needs (a dead replica, a failing
 * job), moves the {@link TestClock}, and resumes polling. The clock decides when time has passed;
 * the polls here only wait for a replica to act on it.
 */
public abstract class HeldJobsTestBase {
  /**
   * How long a poll waits at most: generous because a 2-core CI machine under load took over 30 s
   * to poll a due job.
   */
  private static final Duration BOUND = Duration.ofSeconds(120);

  @Inject protected Jobs jobs;
  @Inject protected TestClock clock;
  @Inject protected DataSource dataSource;
  @Inject protected MeterRegistry metrics;

  protected JobTable table;

  @BeforeEach
  void holdJobs() {
    table = new JobTable(dataSource);
    jobs.pause();
  }

  @AfterEach
  void releaseJobs() {
    jobs.resume();
  }

  /** Reads until the value is done or the bound has passed; answers the last value read. */
  protected static <T> T pollUntil(Callable<T> read, Predicate<T> done) throws Exception {
    return Polling.until(read, done, BOUND);
  }

  /** Polls a run's status until it is one of the final ones. */
  protected static String awaitFinal(Callable<String> status, Set<String> finalStatuses)
      throws Exception {
    return pollUntil(status, finalStatuses::contains);
  }
}
