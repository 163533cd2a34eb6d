package com.critmin.sourcing.testsupport;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import java.util.Set;

/**
 * Jobs decided by a clock the test moves: two waiting jobs at most; two attempts; a replica is dead
 * after 4 missed 100 ms heartbeats; a failed attempt waits an hour. One profile for the plan and
 * the analysis job tests, so that they share one application start.
 */
public class SmallJobQueue implements QuarkusTestProfile {
  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "sourcing.jobs.max-pending", "2",
        "sourcing.jobs.max-attempts", "2",
        "sourcing.jobs.heartbeat-interval", "100ms",
        "sourcing.jobs.missed-heartbeats", "4",
        "sourcing.jobs.retry-delay", "1h",
        "sourcing.jobs.polling-interval", "100ms");
  }

  @Override
  public Set<Class<?>> getEnabledAlternatives() {
    return Set.of(TestClock.class);
  }
}
