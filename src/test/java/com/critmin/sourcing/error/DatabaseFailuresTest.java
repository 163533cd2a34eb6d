package com.critmin.sourcing.error;

import static org.assertj.core.api.Assertions.assertThat;

import com.critmin.sourcing.error.DatabaseFailures.Kind;
import jakarta.persistence.PersistenceException;
import java.net.ConnectException;
import java.sql.SQLException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Database failures sorted by what a client can do about them, whatever wraps them. */
class DatabaseFailuresTest {

  @ParameterizedTest(name = "SQLSTATE {0} (code {1}) is {2}")
  @CsvSource({
    "40001, 0, LOST_RACE", // serialization failure, H2 deadlock
    "40P01, 0, LOST_RACE", // PostgreSQL deadlock
    "23505, 0, LOST_RACE", // concurrent create of the same id
    "90131, 90131, LOST_RACE", // H2 concurrent update
    "55P03, 0, LOCK_TIMEOUT", // PostgreSQL lock_timeout
    "57014, 0, LOCK_TIMEOUT", // PostgreSQL statement_timeout
    "HYT00, 50200, LOCK_TIMEOUT", // H2 lock timeout
    "08001, 0, UNAVAILABLE", // cannot connect
    "08006, 0, UNAVAILABLE", // connection lost
    "57P01, 0, UNAVAILABLE", // server shut down
    "53100, 0, UNAVAILABLE", // disk full
    "25006, 0, UNAVAILABLE", // read-only transaction on a standby
    "90098, 90098, UNAVAILABLE", // H2 database closed after a file store failure
    "23503, 0, OTHER", // a foreign key: a real conflict, not a retry
    "42601, 0, OTHER" // a syntax error is a bug
  })
  void sqlStatesAreSorted(String state, int code, Kind kind) {
    SQLException failure = new SQLException("failure", state, code);
    assertThat(DatabaseFailures.classify(failure)).isEqualTo(kind);
    assertThat(DatabaseFailures.classify(new PersistenceException(new RuntimeException(failure))))
        .as("wrapped")
        .isEqualTo(kind);
  }

  @Test
  void aPoolThatCannotHandOutAConnectionInTimeIsUnavailable() {
    assertThat(DatabaseFailures.classify(new SQLException("Sorry, acquisition timeout!")))
        .isEqualTo(Kind.UNAVAILABLE);
    assertThat(DatabaseFailures.classify(new RuntimeException(new ConnectException("refused"))))
        .isEqualTo(Kind.UNAVAILABLE);
    assertThat(
            DatabaseFailures.classify(
                new JDBCConnectionException("lost", new SQLException("lost", (String) null))))
        .isEqualTo(Kind.UNAVAILABLE);
  }

  @Test
  void aCommitTheDatabaseRefusedIsFoundAmongSuppressedFailures() {
    // As Narayana reports it: RollbackException, the XA failure with the SQL one suppressed in it.
    Exception rollback = new IllegalStateException("ARJUNA016053: Could not commit transaction.");
    Exception xa = new RuntimeException("Error trying to transactionCommit local transaction");
    xa.initCause(new SQLException("terminating connection due to administrator command", "57P01"));
    rollback.addSuppressed(xa);
    assertThat(DatabaseFailures.classify(new RuntimeException(rollback)))
        .isEqualTo(Kind.UNAVAILABLE);
  }

  @Test
  void anythingElseIsNotADatabaseFailure() {
    assertThat(DatabaseFailures.classify(new IllegalStateException("bug"))).isEqualTo(Kind.OTHER);
    assertThat(DatabaseFailures.classify(new SQLException("no state"))).isEqualTo(Kind.OTHER);
  }
}
