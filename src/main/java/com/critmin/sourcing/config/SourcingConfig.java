package com.critmin.sourcing.config;

import com.critmin.sourcing.optimizer.model.Engine;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Optional;

/**
 * The service's own configuration keys (prefix {@code sourcing}); each can be set by environment
 * variable.
 */
@ConfigMapping(prefix = "sourcing")
public interface SourcingConfig {

  /**
   * Directory of the embedded H2 database file (SOURCING_DATA_DIR); its default, ./data, is in
   * application.properties, where the database URL uses it.
   */
  String dataDir();

  /**
   * Load demo data into an empty database at start-up; by default only on the embedded H2 database.
   */
  Optional<Boolean> demoData();

  /** Offer limits. */
  Offers offers();

  /** Plan request limits. */
  Plans plans();

  /** Solver settings. */
  Solver solver();

  /** How writes wait for each other and for the database. */
  Database database();

  /** Idempotency-Key of POST requests. */
  Idempotency idempotency();

  /** Offer limits. */
  interface Offers {
    /** Most offers one bulk upsert may carry. */
    @WithDefault("10000")
    @Min(1)
    int bulkMax();
  }

  /** Plan request limits. */
  interface Plans {
    /** Most offers one plan request may use (inline or stored); more is 422. */
    @WithDefault("200000")
    @Min(1)
    int maxOffers();
  }

  /** Solver settings. */
  interface Solver {
    /** LP engine: GLOP (default) or CLP; any other value stops the start-up. */
    @WithDefault("GLOP")
    Engine engine();

    /** Wall-time limit of one solve; a request may ask for less. Past it the plan is TIME_LIMIT. */
    @WithDefault("30s")
    Duration timeLimit();

    /**
     * Threads that solve the per-material parts of plans in parallel, in one pool that all plans
     * share (a plan's own request thread helps too); also the most one plan uses. 0 = number of
     * cores.
     */
    @WithDefault("0")
    @Min(0)
    int threads();

    /**
     * Plans requested with Prefer: respond-async that are solved at the same time on one replica.
     */
    @WithDefault("2")
    @Min(1)
    int asyncWorkers();

    /**
     * Asynchronous plans that may wait for a worker on one replica; past it, 503. Each holds its
     * whole problem in memory.
     */
    @WithDefault("8")
    @Min(0)
    int asyncQueue();
  }

  /** How writes wait for each other and for the database. */
  interface Database {
    /**
     * Longest a write waits for rows that concurrent writes hold, over all its attempts; past it
     * the request gets 503 with Retry-After and everything it wrote is rolled back.
     */
    @WithDefault("15s")
    Duration lockTimeout();

    /**
     * Attempts of a write that lost a race it could not see coming (a deadlock, a serialization
     * failure, a concurrent create of the same id) before it gives up with 503.
     */
    @WithDefault("10")
    @Min(1)
    int writeAttempts();

    /** Longest the readiness check waits for its test commit before it reports the store DOWN. */
    @WithDefault("3s")
    Duration probeTimeout();
  }

  /** Idempotency-Key of POST requests. */
  interface Idempotency {
    /**
     * How long a key is remembered: a retry with the same key and body within it gets the first
     * answer; older keys are purged and may be used again.
     */
    @WithDefault("24h")
    Duration retention();
  }
}
