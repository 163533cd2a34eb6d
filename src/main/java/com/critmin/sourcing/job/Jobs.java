package com.critmin.sourcing.job;

import com.critmin.sourcing.config.SourcingConfig;
import com.critmin.sourcing.error.ApiException;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.Execution;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.All;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Jobs that outlive the replica that accepted them, on db-scheduler: a job is a row of {@code
 * scheduled_tasks}, written in the transaction that stores its subject, and any replica polls for
 * due jobs, runs them and heartbeats while it does. A replica that stops heartbeating is dead after
 * {@code heartbeat-interval * missed-heartbeats}: another one runs its jobs again. A job that
 * failed (or whose replica died) {@code max-attempts} times is given up: its handler marks the
 * subject failed. On shutdown a replica stops polling, lets running jobs finish for up to {@code
 * shutdown-timeout}, then interrupts them and releases them for another replica at once.
 */
@ApplicationScoped
public class Jobs {
  private static final Logger LOG = Logger.getLogger(Jobs.class);
  private static final String TABLE = "scheduled_tasks";

  private final DataSource dataSource;
  private final SourcingConfig.Jobs config;
  private final Clock clock;
  private final MeterRegistry metrics;
  private final Map<String, JobHandler> handlers;
  private final Map<String, OneTimeTask<String>> tasks;
  private final Map<String, Thread> running = new ConcurrentHashMap<>();
  private final String replicaName;
  private final SchedulerClient queueClient;
  private final Counter retries;
  private final Counter givenUp;
  private volatile Scheduler scheduler;

  public Jobs(
      DataSource dataSource,
      SourcingConfig config,
      Clock clock,
      MeterRegistry metrics,
      @All List<JobHandler> handlers) {
    this.dataSource = dataSource;
    this.config = config.jobs();
    this.clock = clock;
    this.metrics = metrics;
    this.handlers =
        handlers.stream().collect(Collectors.toMap(JobHandler::kind, Function.identity()));
    this.tasks =
        this.handlers.values().stream().collect(Collectors.toMap(JobHandler::kind, this::task));
    // Unique per process: two replicas on one host must not take each other's jobs for their own.
    this.replicaName =
        ManagementFactory.getRuntimeMXBean().getName()
            + "-"
            + UUID.randomUUID().toString().substring(0, 8);
    this.queueClient =
        SchedulerClient.Builder.create(dataSource, new ArrayList<Task<?>>(tasks.values()))
            .serializer(new Utf8Serializer())
            .build();
    this.retries =
        Counter.builder("sourcing.jobs.retries")
            .description("Job attempts that failed or whose replica died, and were run again")
            .register(metrics);
    this.givenUp =
        Counter.builder("sourcing.jobs.given.up")
            .description("Jobs that failed on every attempt and were marked failed")
            .register(metrics);
  }

  void start(@Observes StartupEvent event) {
    Gauge.builder("sourcing.jobs.queue.depth", this, Jobs::queueDepthOrNaN)
        .description("Jobs waiting for a replica (all replicas)")
        .register(metrics);
    Gauge.builder("sourcing.jobs.oldest.age.seconds", this, Jobs::oldestAgeOrNaN)
        .description("Age of the oldest job waiting for a replica, 0 when none waits")
        .register(metrics);
    if (!config.run()) {
      LOG.info("Jobs are accepted but not run on this replica (sourcing.jobs.run=false)");
      return;
    }
    scheduler =
        Scheduler.create(dataSource, new ArrayList<Task<?>>(tasks.values()))
            .schedulerName(new SchedulerName.Fixed(replicaName))
            .threads(config.threads())
            .pollingInterval(config.pollingInterval())
            .heartbeatInterval(config.heartbeatInterval())
            .missedHeartbeatsLimit(config.missedHeartbeats())
            .shutdownMaxWait(config.shutdownTimeout())
            .serializer(new Utf8Serializer())
            .clock(clock::instant)
            .enableImmediateExecution()
            .build();
    scheduler.start();
    LOG.infof(
        "Jobs: replica %s runs up to %d at once (%s)",
        replicaName, config.threads(), String.join(", ", handlers.keySet()));
  }

  void stop(@Observes ShutdownEvent event) {
    stop();
  }

  /**
   * Stops taking jobs, waits up to the shutdown timeout for the running ones, interrupts the rest
   * and releases them, so another replica runs them without waiting for a heartbeat timeout.
   */
  public synchronized void stop() {
    Scheduler stopping = scheduler;
    if (stopping == null) {
      return;
    }
    scheduler = null;
    stopping.stop();
    try {
      int released = releaseHeld();
      if (released > 0) {
        LOG.infof("Released %d unfinished job(s) for other replicas", released);
      }
    } catch (SQLException e) {
      LOG.warnf(
          "Could not release this replica's jobs (%s); other replicas take them after the heartbeat timeout",
          e.getMessage());
    }
  }

  /** Stops polling for jobs (tests: holds jobs in the queue); running jobs go on. */
  public void pause() {
    Scheduler current = scheduler;
    if (current != null) {
      current.pause();
    }
  }

  /** Polls for jobs again after {@link #pause()}. */
  public void resume() {
    Scheduler current = scheduler;
    if (current != null) {
      current.resume();
      current.triggerCheckForDueExecutions();
    }
  }

  /**
   * Queues a job. Call it in the transaction that stores the job's subject: both commit or neither
   * does. When {@code max-pending} jobs already wait, 503 with Retry-After and nothing is queued.
   */
  public void submit(String kind, String id, String data) {
    OneTimeTask<String> task = tasks.get(kind);
    if (task == null) {
      throw new IllegalArgumentException("no job handler of kind " + kind);
    }
    if (queueDepth() >= config.maxPending()) {
      throw ApiException.unavailable(
          "The job queue is full ("
              + config.maxPending()
              + " waiting); retry later or solve synchronously",
          (int) Math.max(1, config.retryAfter().toSeconds()));
    }
    client().schedule(task.instance(id, data), clock.instant());
  }

  /**
   * Cancels a job: removes it when it waits; when it runs on this replica, interrupts it (its
   * handler sees its subject final and drops the result); when it runs on another replica, that one
   * finishes and drops the result the same way.
   */
  public void cancel(String kind, String id) {
    try {
      client().cancel(TaskInstanceId.of(kind, id));
    } catch (TaskInstanceCurrentlyExecutingException | TaskInstanceNotFoundException e) {
      Thread thread = running.get(kind + "/" + id);
      if (thread != null) {
        thread.interrupt();
      }
    }
  }

  /** Jobs waiting for a replica, on all replicas. */
  public long queueDepth() {
    return queryLong("SELECT COUNT(*) FROM " + TABLE + " WHERE picked = FALSE");
  }

  /** Seconds since the oldest waiting job was due; 0 when none waits. */
  public double oldestAgeSeconds() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT MIN(execution_time) FROM " + TABLE + " WHERE picked = FALSE");
        ResultSet rows = statement.executeQuery()) {
      Timestamp oldest = rows.next() ? rows.getTimestamp(1) : null;
      if (oldest == null) {
        return 0;
      }
      return Math.max(0, Duration.between(oldest.toInstant(), clock.instant()).toMillis() / 1000.0);
    } catch (SQLException e) {
      throw new IllegalStateException("job queue unreadable", e);
    }
  }

  private double queueDepthOrNaN() {
    try {
      return queueDepth();
    } catch (RuntimeException e) {
      return Double.NaN;
    }
  }

  private double oldestAgeOrNaN() {
    try {
      return oldestAgeSeconds();
    } catch (RuntimeException e) {
      return Double.NaN;
    }
  }

  private SchedulerClient client() {
    Scheduler current = scheduler;
    // A replica that does not run jobs (or is stopping) still queues them for the others.
    return current != null ? current : queueClient;
  }

  private OneTimeTask<String> task(JobHandler handler) {
    return Tasks.oneTime(handler.kind(), String.class)
        .onFailure(retryOrGiveUp(handler, "failed"))
        .onDeadExecution(reviveOrGiveUp(handler))
        .execute(
            (instance, context) -> {
              String key = handler.kind() + "/" + instance.getId();
              running.put(key, Thread.currentThread());
              try {
                handler.run(instance.getId(), instance.getData());
              } finally {
                running.remove(key);
                // A cancel that interrupted this job must not leak into the next one.
                Thread.interrupted();
              }
            });
  }

  private FailureHandler<String> retryOrGiveUp(JobHandler handler, String what) {
    return (complete, operations) -> {
      Execution execution = complete.getExecution();
      String cause = complete.getCause().map(Throwable::toString).orElse("unknown");
      if (execution.consecutiveFailures + 1 >= config.maxAttempts()) {
        giveUp(handler, execution, operations, "it " + what + " on every attempt");
      } else {
        retries.increment();
        LOG.warnf(
            "Job %s/%s %s (attempt %d of %d: %s); it runs again",
            handler.kind(),
            execution.getId(),
            what,
            execution.consecutiveFailures + 1,
            config.maxAttempts(),
            cause);
        operations.reschedule(complete, clock.instant().plus(config.retryDelay()));
      }
    };
  }

  private DeadExecutionHandler<String> reviveOrGiveUp(JobHandler handler) {
    return (complete, operations) -> {
      Execution execution = complete.getExecution();
      if (execution.consecutiveFailures + 1 >= config.maxAttempts()) {
        giveUp(handler, execution, operations, "the replica running it stopped on every attempt");
      } else {
        retries.increment();
        LOG.warnf(
            "Job %s/%s was held by replica %s, which stopped heartbeating; it runs again",
            handler.kind(), execution.getId(), execution.pickedBy);
        Instant now = clock.instant();
        // Counted as a failed attempt, so that a job that kills its replicas ends.
        operations.reschedule(
            ExecutionComplete.failure(execution, now, now, new IllegalStateException("dead")), now);
      }
    };
  }

  private void giveUp(
      JobHandler handler, Execution execution, ExecutionOperations<String> operations, String why) {
    LOG.errorf(
        "Job %s/%s is given up after %d attempts: %s",
        handler.kind(), execution.getId(), config.maxAttempts(), why);
    handler.giveUp(
        execution.getId(),
        "This job was given up after " + config.maxAttempts() + " attempts: " + why);
    givenUp.increment();
    operations.stop();
  }

  /**
   * Frees the jobs this replica still holds; the version bump makes a late finish of an interrupted
   * one a no-op in the job table.
   */
  private int releaseHeld() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "UPDATE "
                    + TABLE
                    + " SET picked = FALSE, picked_by = NULL, last_heartbeat = NULL,"
                    + " version = version + 1 WHERE picked = TRUE AND picked_by = ?")) {
      statement.setString(1, replicaName);
      return statement.executeUpdate();
    }
  }

  private long queryLong(String sql) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql);
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("job queue unreadable", e);
    }
  }

  /** This replica's name in the job table's picked_by. */
  public String replicaName() {
    return replicaName;
  }
}
