package com.critmin.sourcing.plan;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Stores solved plans durably, many in one transaction: plans that finish while another commit is
 * on its way are written together in the next one (group commit), so concurrent requests share one
 * commit, and so one sync of the database, instead of queueing for one each. Every caller returns
 * only once its own plan is committed, and a failure reaches every caller whose plan it kept out.
 *
 * <p>Plain JDBC: a new plan is one row and its materials, with nothing to load, merge or
 * dirty-check; the other plan operations stay with {@link PlanStore}. There is no writer thread:
 * the caller that finds no commit in progress writes what is queued, the others wait for it.
 */
@ApplicationScoped
public class PlanWriter {
  /** The most plans one transaction takes; more wait for the next. */
  static final int MAX_BATCH = 64;

  private static final String INSERT_PLAN =
      "INSERT INTO allocation_plan (id, status, created_at, started_at, completed_at, currency,"
          + " total_cost, engine, solver_version, input_digest, input_gzip, result_gzip, policy_id,"
          + " reference, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)";
  private static final String INSERT_MATERIAL =
      "INSERT INTO allocation_plan_material (plan_id, material) VALUES (?, ?)";

  private final DataSource dataSource;
  private final Object monitor = new Object();
  private final ArrayDeque<Pending> queue = new ArrayDeque<>();
  private boolean writing;

  public PlanWriter(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** A plan waiting to be written, and how its write ended. */
  private static final class Pending {
    final AllocationPlan plan;
    boolean done;
    RuntimeException failure;

    Pending(AllocationPlan plan) {
      this.plan = plan;
    }
  }

  /**
   * Inserts a new plan and returns once it is committed; a database failure is thrown to the caller
   * (as a {@link PlanWriteException} whose cause is the {@link SQLException}).
   */
  public void insert(AllocationPlan plan) {
    Pending mine = new Pending(plan);
    boolean interrupted = false;
    synchronized (monitor) {
      queue.add(mine);
    }
    try {
      while (true) {
        List<Pending> batch;
        synchronized (monitor) {
          while (writing && !mine.done) {
            try {
              monitor.wait();
            } catch (InterruptedException e) {
              // A plan in the queue is written anyway: wait for its outcome, interrupt after.
              interrupted = true;
            }
          }
          if (mine.done) {
            if (mine.failure != null) {
              throw mine.failure;
            }
            return;
          }
          writing = true;
          batch = new ArrayList<>(Math.min(queue.size(), MAX_BATCH));
          while (!queue.isEmpty() && batch.size() < MAX_BATCH) {
            batch.add(queue.poll());
          }
        }
        try {
          write(batch);
        } finally {
          synchronized (monitor) {
            writing = false;
            monitor.notifyAll();
          }
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Writes a batch in one transaction; when it fails, each plan again in one of its own, so that
   * one plan's failure is that plan's alone.
   */
  private void write(List<Pending> batch) {
    RuntimeException failure = null;
    try {
      commit(batch);
    } catch (SQLException | RuntimeException e) {
      failure = e instanceof RuntimeException r ? r : new PlanWriteException((SQLException) e);
    }
    if (failure != null && batch.size() > 1) {
      for (Pending pending : batch) {
        write(List.of(pending));
      }
      return;
    }
    synchronized (monitor) {
      for (Pending pending : batch) {
        pending.failure = failure;
        pending.done = true;
      }
    }
  }

  private void commit(List<Pending> batch) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try (PreparedStatement plans = connection.prepareStatement(INSERT_PLAN);
          PreparedStatement materials = connection.prepareStatement(INSERT_MATERIAL)) {
        int materialRows = 0;
        for (Pending pending : batch) {
          AllocationPlan plan = pending.plan;
          plans.setString(1, plan.id);
          plans.setString(2, plan.status.name());
          plans.setObject(3, timestamp(plan.createdAt));
          setTimestamp(plans, 4, plan.startedAt);
          setTimestamp(plans, 5, plan.completedAt);
          plans.setString(6, plan.currency);
          if (plan.totalCost == null) {
            plans.setNull(7, Types.DOUBLE);
          } else {
            plans.setDouble(7, plan.totalCost);
          }
          plans.setString(8, plan.engine);
          plans.setString(9, plan.solverVersion);
          plans.setString(10, plan.inputDigest);
          plans.setBytes(11, plan.inputGzip);
          plans.setBytes(12, plan.resultGzip);
          plans.setString(13, plan.policyId);
          plans.setString(14, plan.reference);
          plans.addBatch();
          for (String material : plan.materials) {
            materials.setString(1, plan.id);
            materials.setString(2, material);
            materials.addBatch();
            materialRows++;
          }
        }
        plans.executeBatch();
        if (materialRows > 0) {
          materials.executeBatch();
        }
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(connection, e);
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    }
  }

  private static void rollbackQuietly(Connection connection, Exception failure) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  private static void setTimestamp(PreparedStatement statement, int index, Instant instant)
      throws SQLException {
    if (instant == null) {
      statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      statement.setObject(index, timestamp(instant));
    }
  }

  private static OffsetDateTime timestamp(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  /** A plan could not be stored; its cause tells why (see {@code DatabaseFailures}). */
  public static final class PlanWriteException extends RuntimeException {
    PlanWriteException(SQLException cause) {
      super("The plan could not be stored", cause);
    }
  }
}
