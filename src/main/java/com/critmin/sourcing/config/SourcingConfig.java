package com.critmin.sourcing.config;

import com.critmin.sourcing.optimizer.model.Engine;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
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

  /**
   * Asynchronous jobs (Prefer: respond-async plans, frontiers and stress tests), kept in the
   * database for every replica.
   */
  Jobs jobs();

  /** Authentication by bearer JWT. */
  Auth auth();

  /** Authentication by bearer JWT (keys and issuer: the MicroProfile JWT settings, mp.jwt.*). */
  interface Auth {
    /**
     * Whether requests need a bearer token with a role; by default on, except on the embedded H2
     * database. On, a start without a verification key fails.
     */
    Optional<Boolean> enabled();
  }

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
     * Relative gap between a plan's cost and the solver's proven bound within which a plan under
     * award rules (minimum orders, lots, fixed costs, supplier counts) is OPTIMAL; requests without
     * them are LPs, solved exactly.
     */
    @WithDefault("1e-6")
    @DecimalMin("0")
    @DecimalMax("0.5")
    double relativeGap();
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

  /**
   * Asynchronous jobs (Prefer: respond-async plans, frontiers and stress tests), kept in the
   * database for every replica.
   */
  interface Jobs {
    /** Whether this replica runs jobs; false: it only queues them for the other replicas. */
    @WithDefault("true")
    boolean run();

    /** Jobs one replica runs at the same time; each holds its whole problem in memory. */
    @WithDefault("2")
    @Min(1)
    int threads();

    /** Jobs that may wait for a replica, over all replicas; past it, 503 with Retry-After. */
    @WithDefault("64")
    @Min(1)
    int maxPending();

    /** The Retry-After of a 503 for a full queue. */
    @WithDefault("10s")
    Duration retryAfter();

    /** How often an idle replica looks for due jobs. */
    @WithDefault("1s")
    Duration pollingInterval();

    /** How often a replica running a job says so in the job table. */
    @WithDefault("5s")
    Duration heartbeatInterval();

    /**
     * Heartbeats a replica may miss before its jobs count as abandoned and another replica runs
     * them again.
     */
    @WithDefault("6")
    @Min(4)
    int missedHeartbeats();

    /**
     * Attempts of a job (runs that failed or whose replica died) before it is given up and its plan
     * is FAILED.
     */
    @WithDefault("3")
    @Min(1)
    int maxAttempts();

    /** Wait before a job that failed runs again. */
    @WithDefault("5s")
    Duration retryDelay();

    /**
     * On shutdown, longest wait for running jobs to finish; the rest are interrupted and released
     * to other replicas. Keep it within the pod's termination grace period.
     */
    @WithDefault("30s")
    Duration shutdownTimeout();
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
