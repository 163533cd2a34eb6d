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
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
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
 * cover the races that no order prevents, such as two transactions inserting the same new id. On
 * the embedded H2 database, which one process owns, writes of the same ids also queue in the JVM
 * (striped locks taken in order) before they start: H2 refuses at once, instead of waiting, an
 * insert of an id that another transaction inserted and has not committed yet, so without the queue
 * racing batches would retry again and again.
 */
@ApplicationScoped
public class WriteTransactions {
  private static final Logger LOG = Logger.getLogger(WriteTransactions.class);
  private static final long FIRST_BACKOFF_MILLIS = 5;
  private static final long MAX_BACKOFF_MILLIS = 200;
  private static final int STRIPES = 1024;

  private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

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
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new ReentrantLock(true);
    }
  }

  /**
   * The work's result once committed. Inside a caller's transaction the work simply joins it: the
   * caller owns the commit, and so its failures.
   */
  public <T> T write(Supplier<T> work) {
    return write(List.of(), work);
  }

  /**
   * As {@link #write(Supplier)}, for work that writes the rows named by {@code keys} (such as
   * "Offer:lynas-ndpr"): it first queues behind this replica's other writes of the same keys.
   */
  public <T> T write(Collection<String> keys, Supplier<T> work) {
    if (QuarkusTransaction.isActive()) {
      return work.get();
    }
    long deadline = System.nanoTime() + lockTimeout.toNanos();
    List<ReentrantLock> held = queue(keys, deadline);
    try {
      return attempts(work, deadline);
    } finally {
      for (int i = held.size() - 1; i >= 0; i--) {
        held.get(i).unlock();
      }
    }
  }

  private List<ReentrantLock> queue(Collection<String> keys, long deadline) {
    int[] order =
        keys.stream()
            .mapToInt(key -> Math.floorMod(key.hashCode(), STRIPES))
            .distinct()
            .sorted()
            .toArray();
    List<ReentrantLock> held = new ArrayList<>(order.length);
    try {
      for (int stripe : order) {
        ReentrantLock lock = stripes[stripe];
        if (!lock.tryLock(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
          throw busy();
        }
        held.add(lock);
      }
      return held;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw busy();
    } catch (RuntimeException e) {
      for (int i = held.size() - 1; i >= 0; i--) {
        held.get(i).unlock();
      }
      throw e;
    }
  }

  private <T> T attempts(Supplier<T> work, long deadline) {
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
          // the connection failed; every write sets its own limit first anyway
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
