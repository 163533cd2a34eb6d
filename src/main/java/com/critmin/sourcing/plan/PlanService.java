package com.critmin.sourcing.plan;

import com.critmin.sourcing.config.SolverInfo;
import com.critmin.sourcing.config.SourcingConfig;
import com.critmin.sourcing.optimizer.SourcingOptimizer;
import com.critmin.sourcing.optimizer.model.Solution;
import com.critmin.sourcing.plan.api.PlanRequest;
import com.critmin.sourcing.plan.api.PlanResponse;
import com.critmin.sourcing.problem.ApiException;
import com.critmin.sourcing.problem.ProblemType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Solves plan requests: assemble the problem from master data (read transaction), solve it outside
 * any transaction, store the immutable plan in a transaction of its own. Asynchronous plans are
 * stored PENDING, move to RUNNING on a bounded pool and end in their final status.
 */
@ApplicationScoped
public class PlanService {
  private static final Logger LOG = Logger.getLogger(PlanService.class);

  /** A RUNNING plan older than the time limit plus this was abandoned by a replica that stopped. */
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
        Executors.newFixedThreadPool(
            Math.max(1, config.solver().asyncWorkers()),
            runnable -> {
              Thread thread = new Thread(runnable, "async-plan-solver");
              thread.setDaemon(true);
              return thread;
            });
    this.snapshots =
        Executors.newCachedThreadPool(
            runnable -> {
              Thread thread = new Thread(runnable, "plan-input-snapshot");
              thread.setDaemon(true);
              return thread;
            });
  }

  @PreDestroy
  void stop() {
    asyncSolves.shutdownNow();
    snapshots.shutdownNow();
  }

  /** A stored plan's id and its JSON, written once and answered as is. */
  public record StoredPlan(String id, String json) {}

  /**
   * What a plan was asked: its problem, its identity, and its canonical input (written while it
   * solves).
   */
  private record Prepared(
      ProblemAssembler.Assembled assembled,
      String id,
      Instant createdAt,
      CompletableFuture<InputSnapshot.Written> snapshot) {
    String currency() {
      return assembled.currency();
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

  /** Validates and stores a PENDING plan at once, then solves it in the background. */
  public StoredPlan createAsync(PlanRequest request) {
    Prepared prepared = prepare(request);
    AllocationPlan plan = entity(prepared);
    attachInput(plan, prepared);
    plan.status = "PENDING";
    plan.resultJson =
        write(
            PlanMapper.pending(
                plan.id, "PENDING", plan.createdAt, plan.currency, plan.inputDigest));
    store.insert(plan);
    asyncSolves.submit(() -> runAsync(prepared));
    return new StoredPlan(plan.id, plan.resultJson);
  }

  private void runAsync(Prepared prepared) {
    String digest = prepared.written().digest();
    try {
      store.update(
          prepared.id(),
          "RUNNING",
          write(
              PlanMapper.pending(
                  prepared.id(), "RUNNING", prepared.createdAt(), prepared.currency(), digest)),
          null,
          null);
      AllocationPlan plan = entity(prepared);
      complete(plan, prepared);
      store.update(plan.id, plan.status, plan.resultJson, plan.totalCost, plan.engine);
    } catch (RuntimeException e) {
      LOG.errorf(e, "Asynchronous plan %s could not be completed", prepared.id());
      try {
        store.update(
            prepared.id(),
            "FAILED",
            write(
                PlanMapper.failed(
                    prepared.id(),
                    prepared.createdAt(),
                    now(),
                    prepared.currency(),
                    digest,
                    failureMessage(prepared.id()))),
            null,
            null);
      } catch (RuntimeException again) {
        LOG.errorf(again, "Plan %s could not be marked FAILED", prepared.id());
      }
    }
  }

  /** The stored plan as JSON text, exactly as it was answered when solved. */
  public Optional<String> findJson(String id) {
    return store.find(id).map(this::abandonedAsFailed).map(p -> p.resultJson);
  }

  /** The canonical input a plan was solved from. */
  public Optional<String> findInputJson(String id) {
    return store.find(id).map(p -> InputSnapshot.read(p.inputGzip));
  }

  private Prepared prepare(PlanRequest request) {
    ProblemAssembler.Assembled assembled = assembler.assemble(request);
    Instant createdAt = now();
    // The canonical input is written (and digested) on another thread while the solver works.
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
    PlanResponse response;
    long started = System.nanoTime();
    try {
      Solution solution = optimizer.solve(prepared.assembled().problem());
      attachInput(plan, prepared);
      plan.engine = solution.solver() == null ? null : solution.solver().engine();
      response =
          PlanMapper.solved(
              plan.id,
              plan.createdAt,
              now(),
              plan.currency,
              plan.inputDigest,
              solution,
              solverInfo.version());
    } catch (RuntimeException e) {
      LOG.errorf(e, "Plan %s failed in the solver", plan.id);
      attachInput(plan, prepared);
      response =
          PlanMapper.failed(
              plan.id,
              plan.createdAt,
              now(),
              plan.currency,
              plan.inputDigest,
              failureMessage(plan.id));
    }
    record(
        plan.engine == null ? "NONE" : plan.engine, response.status(), System.nanoTime() - started);
    plan.status = response.status();
    plan.completedAt = response.completedAt();
    plan.totalCost = response.totalCost();
    plan.resultJson = write(response);
  }

  private AllocationPlan abandonedAsFailed(AllocationPlan plan) {
    boolean unfinished = "PENDING".equals(plan.status) || "RUNNING".equals(plan.status);
    Instant deadline = plan.createdAt.plus(config.solver().timeLimit()).plus(ABANDONED_AFTER);
    if (unfinished && Instant.now().isAfter(deadline)) {
      plan.resultJson =
          write(
              PlanMapper.failed(
                  plan.id,
                  plan.createdAt,
                  null,
                  plan.currency,
                  plan.inputDigest,
                  "The replica solving this plan stopped before it finished; submit it again"));
    }
    return plan;
  }

  private static String failureMessage(String id) {
    return "The solver failed on this input; the error is logged under plan id " + id;
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
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
