package com.critmin.sourcing.config;

import io.agroal.api.AgroalDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the store can commit: each check writes this replica's row of {@code
 * store_probe} and commits within {@code sourcing.database.probe-timeout}. A database that accepts
 * connections but cannot commit (a full disk, a read-only standby, a failed file store, every
 * connection stuck) is DOWN, not only one that refuses connections.
 */
@Readiness
@ApplicationScoped
public class StoreReadinessCheck implements HealthCheck {
  private static final Duration STALE_AFTER = Duration.ofDays(1);

  private final AgroalDataSource dataSource;
  private final Duration timeout;
  private final String replica = UUID.randomUUID().toString();
  private final ExecutorService prober =
      Executors.newSingleThreadExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "store-readiness-probe");
            thread.setDaemon(true);
            return thread;
          });
  private Future<?> running;

  public StoreReadinessCheck(AgroalDataSource dataSource, SourcingConfig config) {
    this.dataSource = dataSource;
    this.timeout = config.database().probeTimeout();
  }

  @PreDestroy
  void stop() {
    prober.shutdownNow();
  }

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("database-commit");
    Future<?> probe;
    synchronized (this) {
      // A probe still stuck from an earlier check is not joined by a second one.
      if (running == null || running.isDone()) {
        running = prober.submit(this::commit);
      }
      probe = running;
    }
    try {
      probe.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return response.up().build();
    } catch (TimeoutException e) {
      return response.down().withData("reason", "no commit within " + timeout).build();
    } catch (ExecutionException e) {
      return response.down().withData("reason", reason(e.getCause())).build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return response.down().withData("reason", "interrupted").build();
    }
  }

  private Void commit() throws SQLException {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        int updated;
        try (PreparedStatement update =
            connection.prepareStatement("UPDATE store_probe SET probed_at = ? WHERE replica = ?")) {
          update.setObject(1, now);
          update.setString(2, replica);
          updated = update.executeUpdate();
        }
        if (updated == 0) {
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO store_probe (replica, probed_at) VALUES (?, ?)")) {
            insert.setString(1, replica);
            insert.setObject(2, now);
            insert.executeUpdate();
          }
          // Replicas come and go: forget the ones not heard of for a day.
          try (PreparedStatement forget =
              connection.prepareStatement("DELETE FROM store_probe WHERE probed_at < ?")) {
            forget.setObject(1, now.minus(STALE_AFTER));
            forget.executeUpdate();
          }
        }
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    }
    return null;
  }

  private static String reason(Throwable failure) {
    String state =
        failure instanceof SQLException sql ? " (SQLSTATE " + sql.getSQLState() + ")" : "";
    return "the test commit failed" + state;
  }
}
