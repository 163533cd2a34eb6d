package com.critmin.sourcing.common;

import com.critmin.sourcing.config.SourcingConfig;
import com.critmin.sourcing.error.ApiException;
import com.critmin.sourcing.error.DatabaseFailures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Runs a write in a transaction of its own that waits for concurrent writers instead of failing:
 * every lock wait is bounded by what is left of {@code sourcing.database.lock-timeout}, and a race
 * lost to a concurrent writer (deadlock, serialization failure, a concurrent create of the same id)
 * is retried in a new transaction, a bounded number of times, within the same time. Past it the
 * request gets 503 with Retry-After and everything it wrote is rolled back.
 *
 * <p>Writes keep their locks in a stable order (by id) so that deadlocks stay rare; the retries
 * cover the races that no order prevents, such as two transactions inserting the same new id.
 */
@ApplicationScoped
public class WriteTransactions {
  private static final Logger LOG = Logger.getLogger(WriteTransactions.class);
  private static final long FIRST_BACKOFF_MILLIS = 5;
  private static final long MAX_BACKOFF_MILLIS = 200;

  private final EntityManager entityManager;
  private final Duration lockTimeout;
  private final int attempts;
  private final boolean postgres;

  public WriteTransactions(
      EntityManager entityManager,
      SourcingConfig config,
      @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
    this.entityManager = entityManager;
    this.lockTimeout = config.database().lockTimeout();
    this.attempts = config.database().writeAttempts();
    this.postgres = dbKind.startsWith("postgres");
  }

  /**
   * The work's result once committed. Inside a caller's transaction the work simply joins it: the
   * caller owns the commit, and so its failures.
   */
  public <T> T write(Supplier<T> work) {
    if (QuarkusTransaction.isActive()) {
      return work.get();
    }
    long deadline = System.nanoTime() + lockTimeout.toNanos();
    long backoff = FIRST_BACKOFF_MILLIS;
    for (int attempt = 1; ; attempt++) {
      long remaining = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
      try {
        return QuarkusTransaction.requiringNew().call(() -> attempt(work, remaining));
      } catch (RuntimeException e) {
        DatabaseFailures.Kind kind = DatabaseFailures.classify(e);
        if (kind == DatabaseFailures.Kind.LOCK_TIMEOUT) {
          throw busy();
        }
        if (kind != DatabaseFailures.Kind.LOST_RACE) {
          throw e;
        }
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (attempt >= attempts || left <= backoff) {
          LOG.debugf("Write gave up after %d attempts: %s", attempt, e);
          throw busy();
        }
        LOG.debugf("Write attempt %d lost a race, retrying: %s", attempt, e);
        sleep(ThreadLocalRandom.current().nextLong(backoff / 2, backoff + 1));
        backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
      }
    }
  }

  private <T> T attempt(Supplier<T> work, long lockWaitMillis) {
    Session session = entityManager.unwrap(Session.class);
    session.doWork(connection -> limitLockWait(connection, lockWaitMillis));
    try {
      return work.get();
    } finally {
      if (!postgres) {
        // H2's lock timeout belongs to the session, which the pool hands on: set the default back
        // (PostgreSQL's SET LOCAL ends with the transaction by itself).
        try {
          session.doWork(connection -> limitLockWait(connection, lockTimeout.toMillis()));
        } catch (RuntimeException ignored) {
          // the connection failed: the pool validates it before handing it on
        }
      }
    }
  }

  private void limitLockWait(Connection connection, long millis) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          postgres ? "SET LOCAL lock_timeout = '" + millis + "ms'" : "SET LOCK_TIMEOUT " + millis);
    }
  }

  private ApiException busy() {
    return ApiException.unavailable(
        "Concurrent writes held what this request needs for longer than the lock timeout ("
            + lockTimeout.toMillis()
            + " ms); nothing of it was written. Retry it.",
        DatabaseFailures.RETRY_AFTER_SECONDS.get(DatabaseFailures.Kind.LOCK_TIMEOUT));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApiException.unavailable("The request was interrupted; retry it", 1);
    }
  }
}
