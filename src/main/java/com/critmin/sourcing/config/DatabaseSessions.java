package com.critmin.sourcing.config;

import io.agroal.api.AgroalPoolInterceptor;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sets up every database connection the pool opens: its default lock timeout is {@code
 * sourcing.database.lock-timeout}, so that no statement waits for a lock without bound. Also makes
 * the embedded database's durable file system known to H2 before the pool opens the first
 * connection (this bean is created with the data source, a singleton without a proxy).
 */
@Singleton
public class DatabaseSessions implements AgroalPoolInterceptor {
  static {
    SyncedFilePath.register();
  }

  private final long lockTimeoutMillis;
  private final boolean postgres;

  public DatabaseSessions(
      SourcingConfig config, @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
    this.lockTimeoutMillis = config.database().lockTimeout().toMillis();
    this.postgres = dbKind.startsWith("postgres");
  }

  @Override
  public void onConnectionCreate(Connection connection) {
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          postgres
              ? "SET lock_timeout = '" + lockTimeoutMillis + "ms'"
              : "SET LOCK_TIMEOUT " + lockTimeoutMillis);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not set the lock timeout of a new connection", e);
    }
  }
}
