package com.critmin.sourcing.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/** Direct reads and writes of the job table, to set up what a dead replica leaves behind. */
public final class JobTable {
  private final DataSource dataSource;

  public JobTable(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** A plan job's row as a dead replica would leave it: picked, by another name, last heard at. */
  public void holdAsDeadReplica(String id, Instant lastHeartbeat, int consecutiveFailures)
      throws SQLException {
    holdAsDeadReplica("plan", id, lastHeartbeat, consecutiveFailures);
  }

  /** A job's row of this kind as a dead replica would leave it. */
  public void holdAsDeadReplica(
      String kind, String id, Instant lastHeartbeat, int consecutiveFailures) throws SQLException {
    update(
        "UPDATE scheduled_tasks SET picked = TRUE, picked_by = 'dead-replica', last_heartbeat = ?,"
            + " consecutive_failures = ? WHERE task_name = ? AND task_instance = ?",
        lastHeartbeat,
        consecutiveFailures,
        kind,
        id);
  }

  /** Marks a job held by this name (as if this replica were running it). */
  public void holdAs(String id, String replica, Instant lastHeartbeat) throws SQLException {
    update(
        "UPDATE scheduled_tasks SET picked = TRUE, picked_by = ?, last_heartbeat = ?"
            + " WHERE task_name = 'plan' AND task_instance = ?",
        replica,
        lastHeartbeat,
        id);
  }

  /** Who holds a plan job: empty when there is no such job; "" when it waits. */
  public Optional<String> pickedBy(String id) throws SQLException {
    return pickedBy("plan", id);
  }

  /** Who holds a job of this kind: empty when there is no such job; "" when it waits. */
  public Optional<String> pickedBy(String kind, String id) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT picked, picked_by FROM scheduled_tasks"
                    + " WHERE task_name = ? AND task_instance = ?")) {
      statement.setString(1, kind);
      statement.setString(2, id);
      try (ResultSet rows = statement.executeQuery()) {
        if (!rows.next()) {
          return Optional.empty();
        }
        return Optional.of(rows.getBoolean(1) ? rows.getString(2) : "");
      }
    }
  }

  /** Overwrites a plan's stored input so that solving it fails. */
  public void corruptInput(String planId) throws SQLException {
    update("UPDATE allocation_plan SET input_gzip = ? WHERE id = ?", new byte[] {1, 2, 3}, planId);
  }

  /** Failed attempts a job of this kind has behind it; -1 when there is no such job. */
  public int consecutiveFailures(String kind, String id) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT consecutive_failures FROM scheduled_tasks"
                    + " WHERE task_name = ? AND task_instance = ?")) {
      statement.setString(1, kind);
      statement.setString(2, id);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? rows.getInt(1) : -1;
      }
    }
  }

  /** Overwrites an analysis run's stored input so that computing it fails. */
  public void corruptAnalysisInput(String runId) throws SQLException {
    update("UPDATE analysis_run SET input_gzip = ? WHERE id = ?", new byte[] {1, 2, 3}, runId);
  }

  private void update(String sql, Object... values) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        Object value = values[i];
        if (value instanceof Instant instant) {
          statement.setTimestamp(i + 1, Timestamp.from(instant));
        } else {
          statement.setObject(i + 1, value);
        }
      }
      if (statement.executeUpdate() != 1) {
        throw new IllegalStateException("no row for " + sql);
      }
    }
  }
}
