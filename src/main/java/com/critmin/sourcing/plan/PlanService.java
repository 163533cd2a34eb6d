package com.critmin.sourcing.plan;

import com.critmin.sourcing.config.SolverInfo;
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
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Solves plan requests: assemble the problem from master data (read transaction), solve it outside any
 * transaction, store the immutable plan in a transaction of its own.
 */
@ApplicationScoped
public class PlanService {
  private static final Logger LOG = Logger.getLogger(PlanService.class);

  private final ProblemAssembler assembler;
  private final SourcingOptimizer optimizer;
  private final PlanStore store;
  private final ObjectMapper json;
  private final MeterRegistry metrics;
  private final SolverInfo solverInfo;

  public PlanService(
      ProblemAssembler assembler,
      SourcingOptimizer optimizer,
      PlanStore store,
      ObjectMapper json,
      MeterRegistry metrics,
      SolverInfo solverInfo) {
    this.assembler = assembler;
    this.optimizer = optimizer;
    this.store = store;
    this.json = json;
    this.metrics = metrics;
    this.solverInfo = solverInfo;
  }

  /** A stored plan's id and its JSON, written once and answered as is. */
  public record StoredPlan(String id, String json) {}

  /** Solves and stores a plan; a request that names something missing or breaks a rule is a 422. */
  public StoredPlan create(PlanRequest request) {
    long t0 = System.nanoTime();
    ProblemAssembler.Assembled assembled = assembler.assemble(request);
    long t1 = System.nanoTime();
    byte[] snapshot = InputSnapshot.of(assembled).toJson();
    String digest = InputSnapshot.digest(snapshot);
    long t2 = System.nanoTime();
    Instant createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    String id = PlanIds.next(createdAt.toEpochMilli());

    PlanResponse response;
    String engine = null;
    long started = System.nanoTime();
    try {
      Solution solution = optimizer.solve(assembled.problem());
      engine = solution.solver() == null ? null : solution.solver().engine();
      response = PlanMapper.solved(id, createdAt, Instant.now().truncatedTo(ChronoUnit.MILLIS), assembled.currency(),
          digest, solution, solverInfo.version());
    } catch (RuntimeException e) {
      LOG.errorf(e, "Plan %s failed in the solver", id);
      response = PlanMapper.failed(id, createdAt, Instant.now().truncatedTo(ChronoUnit.MILLIS), assembled.currency(),
          digest, "The solver failed on this input; the error is logged under plan id " + id);
    }
    record(engine == null ? "NONE" : engine, response.status(), System.nanoTime() - started);

    AllocationPlan plan = new AllocationPlan();
    plan.id = id;
    plan.status = response.status();
    plan.createdAt = createdAt;
    plan.completedAt = response.completedAt();
    plan.currency = assembled.currency();
    plan.totalCost = response.totalCost();
    plan.engine = engine;
    plan.solverVersion = solverInfo.version();
    plan.inputDigest = digest;
    plan.requestJson = InputSnapshot.text(snapshot);
    plan.resultJson = write(response);
    long t3 = System.nanoTime();
    store.insert(plan);
    long t4 = System.nanoTime();
    LOG.debugf("Plan %s %s: assemble %d ms, snapshot %d ms, solve+map %d ms, store %d ms (%d offers)", id,
        response.status(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000,
        assembled.problem().offers().size());
    return new StoredPlan(id, plan.resultJson);
  }

  /** The stored plan as JSON text, exactly as it was answered when solved. */
  public Optional<String> findJson(String id) {
    return store.find(id).map(p -> p.resultJson);
  }

  /** The canonical input a plan was solved from. */
  public Optional<String> findInputJson(String id) {
    return store.find(id).map(p -> p.requestJson);
  }

  private void record(String engine, String status, long nanos) {
    Timer.builder("sourcing.solve")
        .description("Wall time of plan solves")
        .tag("engine", engine)
        .tag("status", status)
        .publishPercentileHistogram()
        .register(metrics)
        .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
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
