package com.critmin.sourcing.plan;

import com.critmin.sourcing.common.Page;
import com.critmin.sourcing.config.SolverInfo;
import com.critmin.sourcing.config.SourcingConfig;
import com.critmin.sourcing.error.ApiException;
import com.critmin.sourcing.error.ProblemType;
import com.critmin.sourcing.optimizer.SourcingOptimizer;
import com.critmin.sourcing.optimizer.model.Solution;
import com.critmin.sourcing.plan.api.PlanRequest;
import com.critmin.sourcing.plan.api.PlanResponse;
import com.critmin.sourcing.plan.api.PlanSummary;
import com.critmin.sourcing.plan.api.PlanWarning;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Solves plan requests: assemble the problem from master data (read transaction), solve it outside
 * any transaction, store the immutable plan in a transaction of its own. Asynchronous plans are
 * stored PENDING, wait in a bounded queue, move to RUNNING and end in their final status.
 */
@ApplicationScoped
public class PlanService {
  private static final Logger LOG = Logger.getLogger(PlanService.class);

  /** Slack past the time limit before an unfinished plan counts as abandoned by its replica. */
  private static final Duration ABANDONED_AFTER = Duration.ofMinutes(5);

  private final ProblemAssembler assembler;
  private final SourcingOptimizer optimizer;
  private final PlanStore store;
  private final ObjectMapper json;
  private final MeterRegistry metrics;
  private final SolverInfo solverInfo;
  private final SourcingConfig config;
  private final ExecutorService asyncSolves;
  private final ExecutorService snapshots;

  /** Places for asynchronous plans, running or queued: each holds a whole problem in memory. */
  private final Semaphore asyncPlaces;

  public PlanService(
      ProblemAssembler assembler,
      SourcingOptimizer optimizer,
      PlanStore store,
      ObjectMapper json,
      MeterRegistry metrics,
      SolverInfo solverInfo,
      SourcingConfig config) {
    this.assembler = assembler;
    this.optimizer = optimizer;
    this.store = store;
    this.json = json;
    this.metrics = metrics;
    this.solverInfo = solverInfo;
    this.config = config;
    this.asyncSolves =
        Executors.newFixedThreadPool(config.solver().asyncWorkers(), daemon("async-plan-solver"));
    this.asyncPlaces = new Semaphore(config.solver().asyncWorkers() + config.solver().asyncQueue());
    this.snapshots =
        Executors.newFixedThreadPool(
            Runtime.getRuntime().availableProcessors(), daemon("plan-input-snapshot"));
  }

  @PreDestroy
  void stop() {
    snapshots.shutdownNow();
    for (Runnable queued : asyncSolves.shutdownNow()) {
      if (queued instanceof AsyncSolve solve) {
        markFailed(solve.prepared, "The service stopped before this plan ran; submit it again");
      }
    }
  }

  /** A stored plan's id and its JSON, written once and answered as is. */
  public record StoredPlan(String id, String json) {}

  /**
   * What a plan was asked: its problem, its identity, and its canonical input (written on another
   * thread while the solver works).
   */
  private record Prepared(
      ProblemAssembler.Assembled assembled,
      String id,
      Instant createdAt,
      CompletableFuture<InputSnapshot.Written> snapshot) {
    String currency() {
      return assembled.currency();
    }

    String reference() {
      return assembled.reference();
    }

    List<PlanWarning> warnings() {
      return assembled.warnings();
    }

    PlanMapper.Names names() {
      return new PlanMapper.Names() {
        @Override
        public String supplierName(String supplierId) {
          return assembled.supplierNames().get(supplierId);
        }

        @Override
        public String unit(String material) {
          return assembled.units().get(material);
        }
      };
    }

    InputSnapshot.Written written() {
      return snapshot.join();
    }
  }

  /** Solves and stores a plan; a request that names something missing or breaks a rule is a 422. */
  public StoredPlan create(PlanRequest request) {
    long start = System.nanoTime();
    Prepared prepared = prepare(request);
    long assembled = System.nanoTime();
    AllocationPlan plan = entity(prepared);
    complete(plan, prepared);
    long solved = System.nanoTime();
    store.insert(plan);
    if (LOG.isDebugEnabled()) {
      LOG.debugf(
          "Plan %s %s (%d offers): assemble %d ms, solve and snapshot %d ms, store %d ms",
          plan.id,
          plan.status,
          prepared.assembled().problem().offers().size(),
          (assembled - start) / 1_000_000,
          (solved - assembled) / 1_000_000,
          (System.nanoTime() - solved) / 1_000_000);
    }
    return new StoredPlan(plan.id, plan.resultJson);
  }

  /**
   * Validates and stores a PENDING plan at once, then solves it in the background; 503 when every
   * place for asynchronous plans is taken.
   */
  public StoredPlan createAsync(PlanRequest request) {
    if (!asyncPlaces.tryAcquire()) {
      throw new ApiException(
          ProblemType.SERVICE_UNAVAILABLE,
          "Every place for asynchronous plans is taken; retry later or solve synchronously",
          null,
          Map.of("Retry-After", "10"));
    }
    try {
      Prepared prepared = prepare(request);
      AllocationPlan plan = entity(prepared);
      attachInput(plan, prepared);
      plan.status = PlanStatus.PENDING;
      plan.resultJson =
          write(
              PlanMapper.pending(
                  plan.id,
                  prepared.reference(),
                  prepared.warnings(),
                  PlanStatus.PENDING,
                  plan.createdAt,
                  plan.currency,
                  plan.inputDigest));
      store.insert(plan);
      asyncSolves.execute(new AsyncSolve(prepared));
      return new StoredPlan(plan.id, plan.resultJson);
    } catch (RuntimeException e) {
      asyncPlaces.release();
      throw e;
    }
  }

  /** A queued asynchronous solve; {@link #stop()} marks the ones that never ran as FAILED. */
  private final class AsyncSolve implements Runnable {
    private final Prepared prepared;

    AsyncSolve(Prepared prepared) {
      this.prepared = prepared;
    }

    @Override
    public void run() {
      try {
        String digest = prepared.written().digest();
        store.update(
            prepared.id(),
            PlanStatus.RUNNING,
            write(
                PlanMapper.pending(
                    prepared.id(),
                    prepared.reference(),
                    prepared.warnings(),
                    PlanStatus.RUNNING,
                    prepared.createdAt(),
                    prepared.currency(),
                    digest)),
            null,
            null,
            null);
        AllocationPlan plan = entity(prepared);
        complete(plan, prepared);
        store.update(
            plan.id, plan.status, plan.resultJson, plan.totalCost, plan.engine, plan.completedAt);
      } catch (Throwable e) {
        LOG.errorf(e, "Asynchronous plan %s could not be completed", prepared.id());
        markFailed(prepared, failureMessage(prepared.id()));
        if (e instanceof VirtualMachineError error) {
          throw error;
        }
      } finally {
        asyncPlaces.release();
      }
    }
  }

  private void markFailed(Prepared prepared, String reason) {
    try {
      Instant now = now();
      String digest =
          prepared.snapshot().isCompletedExceptionally() ? "" : prepared.written().digest();
      store.update(
          prepared.id(),
          PlanStatus.FAILED,
          write(
              PlanMapper.failed(
                  prepared.id(),
                  prepared.reference(),
                  prepared.warnings(),
                  prepared.createdAt(),
                  now,
                  prepared.currency(),
                  digest,
                  reason)),
          null,
          null,
          now);
    } catch (RuntimeException again) {
      LOG.errorf(again, "Plan %s could not be marked FAILED", prepared.id());
    }
  }

  /** The stored plan as JSON text, exactly as it was answered when solved. */
  public Optional<String> findJson(String id) {
    return store.find(id).map(this::failIfAbandoned).map(p -> p.resultJson);
  }

  /** The canonical input a plan was solved from. */
  public Optional<String> findInputJson(String id) {
    return store
        .find(id)
        .filter(p -> p.inputGzip != null)
        .map(p -> InputSnapshot.read(p.inputGzip));
  }

  /** Plan summaries, newest first. */
  public Page<PlanSummary> list(
      String cursor, int limit, PlanStatus status, Instant createdFrom, Instant createdTo) {
    return store.list(cursor, limit, status, createdFrom, createdTo);
  }

  private Prepared prepare(PlanRequest request) {
    ProblemAssembler.Assembled assembled = assembler.assemble(request);
    Instant createdAt = now();
    CompletableFuture<InputSnapshot.Written> snapshot =
        CompletableFuture.supplyAsync(() -> InputSnapshot.of(assembled).write(), snapshots);
    return new Prepared(assembled, PlanIds.next(createdAt.toEpochMilli()), createdAt, snapshot);
  }

  private AllocationPlan entity(Prepared prepared) {
    AllocationPlan plan = new AllocationPlan();
    plan.id = prepared.id();
    plan.createdAt = prepared.createdAt();
    plan.currency = prepared.currency();
    plan.solverVersion = solverInfo.version();
    return plan;
  }

  /** Waits for the snapshot writer and records the canonical input and its digest. */
  private static void attachInput(AllocationPlan plan, Prepared prepared) {
    InputSnapshot.Written written = prepared.written();
    plan.inputDigest = written.digest();
    plan.inputGzip = written.gzip();
  }

  /**
   * Solves and fills in the plan's outcome; a solver failure becomes a FAILED plan, never a 500.
   */
  private void complete(AllocationPlan plan, Prepared prepared) {
    Solution solution = null;
    RuntimeException failure = null;
    long started = System.nanoTime();
    try {
      solution = optimizer.solve(prepared.assembled().problem());
    } catch (RuntimeException e) {
      LOG.errorf(e, "Plan %s failed in the solver", plan.id);
      failure = e;
    }
    attachInput(plan, prepared);
    PlanResponse response;
    if (failure == null) {
      plan.engine = solution.solver() == null ? null : solution.solver().engine();
      response =
          PlanMapper.solved(
              plan.id,
              prepared.reference(),
              prepared.warnings(),
              prepared.names(),
              plan.createdAt,
              now(),
              plan.currency,
              plan.inputDigest,
              solution,
              solverInfo.version());
    } else {
      response =
          PlanMapper.failed(
              plan.id,
              prepared.reference(),
              prepared.warnings(),
              plan.createdAt,
              now(),
              plan.currency,
              plan.inputDigest,
              failureMessage(plan.id));
    }
    record(
        plan.engine == null ? "NONE" : plan.engine, response.status(), System.nanoTime() - started);
    plan.status = PlanStatus.valueOf(response.status());
    plan.completedAt = response.completedAt();
    plan.totalCost = response.totalCost() == null ? null : response.totalCost().doubleValue();
    plan.resultJson = write(response);
  }

  /**
   * A plan still PENDING or RUNNING long after it could have finished was abandoned by a replica
   * that stopped: it is marked FAILED for good, so a late finish cannot change a final status.
   */
  private AllocationPlan failIfAbandoned(AllocationPlan plan) {
    Duration limit = config.solver().timeLimit();
    Instant deadline;
    if (plan.status == PlanStatus.RUNNING && plan.startedAt != null) {
      deadline = plan.startedAt.plus(limit).plus(ABANDONED_AFTER);
    } else if (plan.status == PlanStatus.PENDING) {
      // Ahead of it in the queue at most asyncQueue plans, asyncWorkers at a time.
      long rounds = 1 + config.solver().asyncQueue() / config.solver().asyncWorkers();
      deadline = plan.createdAt.plus(limit.multipliedBy(rounds + 1)).plus(ABANDONED_AFTER);
    } else {
      return plan;
    }
    if (Instant.now().isAfter(deadline)) {
      String failed =
          write(
              PlanMapper.failed(
                  plan.id,
                  referenceOf(plan),
                  List.of(),
                  plan.createdAt,
                  now(),
                  plan.currency,
                  plan.inputDigest,
                  "The replica solving this plan stopped before it finished; submit it again"));
      return store.failIfUnfinished(plan.id, failed).orElse(plan);
    }
    return plan;
  }

  /** The client's reference that a stored unfinished plan echoes. */
  private String referenceOf(AllocationPlan plan) {
    try {
      return plan.resultJson == null
          ? null
          : json.readTree(plan.resultJson).path("reference").textValue();
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static String failureMessage(String id) {
    return "The solver failed on this input; the error is logged under plan id " + id;
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  private void record(String engine, String status, long nanos) {
    Timer.builder("sourcing.solve")
        .description("Wall time of plan solves")
        .tag("engine", engine)
        .tag("status", status)
        .publishPercentileHistogram()
        .register(metrics)
        .record(nanos, TimeUnit.NANOSECONDS);
    metrics.counter("sourcing.plans", "status", status).increment();
  }

  private String write(PlanResponse response) {
    try {
      return json.writeValueAsString(response);
    } catch (JsonProcessingException e) {
      throw new ApiException(ProblemType.INTERNAL, "The plan could not be stored");
    }
  }
}
