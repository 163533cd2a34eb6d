package com.critmin.sourcing.error;

import jakarta.persistence.OptimisticLockException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hibernate.StaleStateException;
import org.hibernate.exception.JDBCConnectionException;

/**
 * Sorts database failures into what a client can do about them: retry the write at once inside the
 * service (a race lost to a concurrent writer), retry later (the database is away or too busy:
 * 503), or nothing (a real error). Judged on SQLSTATE codes of PostgreSQL and H2, walked down the
 * cause chain, so it holds whichever layer (JDBC, Hibernate, JTA) wrapped the failure.
 */
public final class DatabaseFailures {
  /** What a failure means to the client. */
  public enum Kind {
    /**
     * A race lost to a concurrent writer that a new attempt resolves: deadlock, serialization
     * failure, a concurrent create of the same id, a row changed under an optimistic check.
     */
    LOST_RACE,
    /** Rows stayed locked past the lock timeout, or a statement ran past its timeout. */
    LOCK_TIMEOUT,
    /** The database cannot be reached or cannot commit now. */
    UNAVAILABLE,
    /** None of these: a bug or a real constraint. */
    OTHER
  }

  /** Seconds a client should wait before retrying after each kind, sent as Retry-After. */
  public static final Map<Kind, Integer> RETRY_AFTER_SECONDS =
      Map.of(Kind.LOST_RACE, 1, Kind.LOCK_TIMEOUT, 1, Kind.UNAVAILABLE, 5);

  private static final Set<String> LOST_RACE_STATES =
      Set.of(
          "40001", // serialization_failure; H2's deadlock
          "40P01", // PostgreSQL deadlock_detected
          "23505", // unique_violation: a concurrent create of the same id committed first
          "90131"); // H2 CONCURRENT_UPDATE_1: a concurrent, uncommitted create or update of the row

  private static final Set<String> LOCK_TIMEOUT_STATES =
      Set.of(
          "55P03", // PostgreSQL lock_not_available (lock_timeout)
          "57014", // PostgreSQL query_canceled (statement_timeout)
          "HYT00", // H2 LOCK_TIMEOUT_1 and statement timeouts
          "50200"); // H2 LOCK_TIMEOUT_1 by its error code

  private static final Set<String> UNAVAILABLE_STATES =
      Set.of(
          "57P01", // admin_shutdown
          "57P02", // crash_shutdown
          "57P03", // cannot_connect_now (starting up, shutting down)
          "25006", // read_only_sql_transaction: a standby or a read-only database
          "90098", // H2 DATABASE_IS_CLOSED (after a file store failure)
          "90028", // H2 IO_EXCEPTION_1
          "90030", // H2 FILE_CORRUPTED_1
          "90067", // H2 CONNECTION_BROKEN_1
          "90121"); // H2 DATABASE_CALLED_AT_SHUTDOWN

  private DatabaseFailures() {}

  /**
   * The kind of the first failure that tells one, among the causes and the suppressed failures (the
   * transaction manager reports a commit that the database refused as a suppressed failure of its
   * own RollbackException).
   */
  public static Kind classify(Throwable failure) {
    Deque<Throwable> pending = new ArrayDeque<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    pending.add(failure);
    while (!pending.isEmpty() && seen.size() < 64) {
      Throwable cause = pending.poll();
      if (cause == null || !seen.add(cause)) {
        continue;
      }
      Kind kind = kindOf(cause);
      if (kind != Kind.OTHER) {
        return kind;
      }
      if (cause.getCause() != null) {
        pending.add(cause.getCause());
      }
      if (cause instanceof SQLException sql && sql.getNextException() != null) {
        pending.add(sql.getNextException());
      }
      pending.addAll(Arrays.asList(cause.getSuppressed()));
    }
    return Kind.OTHER;
  }

  private static Kind kindOf(Throwable cause) {
    if (cause instanceof SQLException sql) {
      String state = sql.getSQLState();
      String code = String.valueOf(sql.getErrorCode());
      if (state != null) {
        if (LOST_RACE_STATES.contains(state) || LOST_RACE_STATES.contains(code)) {
          return Kind.LOST_RACE;
        }
        if (LOCK_TIMEOUT_STATES.contains(state) || LOCK_TIMEOUT_STATES.contains(code)) {
          return Kind.LOCK_TIMEOUT;
        }
        if (UNAVAILABLE_STATES.contains(state)
            || UNAVAILABLE_STATES.contains(code)
            || state.startsWith("08") // connection_exception
            || state.startsWith("53") // insufficient_resources: disk full, too many connections
            || state.startsWith("58")) { // system_error: I/O
          return Kind.UNAVAILABLE;
        }
      }
      if (sql instanceof SQLTimeoutException) {
        return Kind.LOCK_TIMEOUT;
      }
      if (sql instanceof SQLTransientConnectionException
          || sql instanceof SQLRecoverableException) {
        return Kind.UNAVAILABLE;
      }
      String message = sql.getMessage() == null ? "" : sql.getMessage().toLowerCase(Locale.ROOT);
      if (message.contains("acquisition timeout")) {
        // Agroal: no pooled connection could be had in time (the database does not answer)
        return Kind.UNAVAILABLE;
      }
      return Kind.OTHER;
    }
    if (cause instanceof JDBCConnectionException
        || cause instanceof ConnectException
        || cause instanceof SocketTimeoutException) {
      return Kind.UNAVAILABLE;
    }
    if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
      return Kind.LOST_RACE;
    }
    return Kind.OTHER;
  }
}
