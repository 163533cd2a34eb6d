package com.critmin.sourcing.testsupport;

import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until a test moves it; a test profile enables it in place of the system
 * clock, so that time-based decisions (dead replicas, retry delays) happen when the test says.
 */
@Alternative
@Singleton
public class TestClock extends Clock {
  /**
   * Whole microseconds, as the job table stores them: a time with nanoseconds is rounded to the
   * nearest microsecond on the way in (H2 and PostgreSQL alike), so half the time a job queued
   * "now" was stored a fraction of a microsecond in the future of a clock that stands still, and
   * never became due (the AsyncPlanJobsTest failures of stops 13 and 14).
   */
  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.now().truncatedTo(ChronoUnit.MICROS));

  /** Moves the clock forward. */
  public void advance(Duration duration) {
    now.updateAndGet(instant -> instant.plus(duration));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
