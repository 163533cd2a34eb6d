package com.critmin.sourcing.plan;

import com.critmin.sourcing.common.Page;
import com.critmin.sourcing.config.SolverInfo;
import com.critmin.sourcing.config.SourcingConfig;
import com.critmin.sourcing.error.ApiException;
import com.critmin.sourcing.error.ProblemType;
import com.critmin.sourcing.optimizer.SourcingOptimizer;
import com.critmin.sourcing.optimizer.model.Solution;
import com.critmin.sourcing.optimizer.model.SolveOptions;
import com.critmin.sourcing.optimizer.model.SourcingProblem;
import com.critmin.sourcing.plan.api.PlanRequest;
import com.critmin.sourcing.plan.api.PlanResponse;
import com.critmin.sourcing.plan.api.PlanSummary;
import com.critmin.sourcing.plan.api.PlanWarning;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Solves plan requests: assemble the problem from master data (read transaction), solve it outside
 * any transaction, store the immutable plan in a transaction of its own. Asynchronous plans are
 * stored PENDING, wait in a bounded queue, move to RUNNING and end in their final status.
 */
@ApplicationScoped
public class PlanService {
  private static final Logger LOG = Logger.getLogger(PlanService.class);

  /** The kind of job that solves an asynchronous plan. */
  static final String JOB_KIND = "plan";

  private final ProblemAssembler assembler;
  private final SourcingOptimizer optimizer;
  private final PlanStore store;
  private final PlanWriter writer;
  private final ObjectMapper json;
  private final MeterRegistry metrics;
  private final SolverInfo solverInfo;
  private final SourcingConfig config;
  private final SolveTracing tracing;
  private final ExecutorService snapshots;

  private static final int PROCESSORS = Runtime.getRuntime().availableProcessors();

  /** Synchronous plans being solved now. */
  private final AtomicInteger preparing = new AtomicInteger();

  public PlanService(
      ProblemAssembler assembler,
      SourcingOptimizer optimizer,
      PlanStore store,
      PlanWriter writer,
      ObjectMapper json,
      MeterRegistry metrics,
      SolverInfo solverInfo,
      SourcingConfig config,
      SolveTracing tracing) {
    this.assembler = assembler;
    this.optimizer = optimizer;
    this.store = store;
    this.writer = writer;
    this.json = json;
    this.metrics = metrics;
    this.solverInfo = solverInfo;
    this.config = config;
    this.tracing = tracing;
    this.snapshots =
        Executors.newFixedThreadPool(
            Runtime.getRuntime().availableProcessors(), daemon("plan-input-snapshot"));
  }

  @PreDestroy
  void stop() {
    snapshots.shutdownNow();
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
    preparing.incrementAndGet();
    try {
      return solveAndStore(request);
    } finally {
      preparing.decrementAndGet();
    }
  }

  private StoredPlan solveAndStore(PlanRequest request) {
    long start = System.nanoTime();
    Prepared prepared = prepare(request);
    long assembled = System.nanoTime();
    AllocationPlan plan = entity(prepared);
    String json = complete(plan, prepared);
    plan.result(json);
    long solved = System.nanoTime();
    writer.insert(plan);
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
    return new StoredPlan(plan.id, json);
  }

  /**
   * Validates and stores a PENDING plan and its job in one transaction; any replica then solves it
   * from its stored input. 503 when the job queue is full.
   */
  public StoredPlan createAsync(PlanRequest request) {
    Prepared prepared = prepare(request);
    AllocationPlan plan = entity(prepared);
    attachInput(plan, prepared);
    plan.status = PlanStatus.PENDING;
    String json =
        write(
            PlanMapper.pending(
                plan.id,
                prepared.reference(),
                prepared.warnings(),
                PlanStatus.PENDING,
                plan.createdAt,
                plan.currency,
                plan.inputDigest));
    String timeLimitMillis =
        Long.toString(prepared.assembled().problem().options().timeLimitMillis());
    plan.result(json);
    store.insertWithJob(plan, JOB_KIND, timeLimitMillis);
    return new StoredPlan(plan.id, json);
  }

  /**
   * Runs an asynchronous plan's job, on whichever replica took it (again, if a replica died while
   * solving it): PENDING or RUNNING -> RUNNING -> final. A plan already final (cancelled, or given
   * up) is left as it is, and so is a result that comes after it was cancelled.
   */
  void runJob(String id, String timeLimitMillis) {
    Optional<AllocationPlan> found = store.find(id);
    if (found.isEmpty() || found.get().status.isFinal()) {
      return;
    }
    AllocationPlan stored = found.get();
    Echo echo = echoOf(stored);
    InputSnapshot.Written written = new InputSnapshot.Written(stored.inputGzip, stored.inputDigest);
    long limit =
        timeLimitMillis == null
            ? config.solver().timeLimit().toMillis()
            : Long.parseLong(timeLimitMillis);
    SourcingProblem problem =
        InputSnapshot.parse(stored.inputGzip)
            .toProblem(
                new SolveOptions(
                    config.solver().engine(),
                    limit,
                    config.solver().threads(),
                    true,
                    config.solver().relativeGap()));
    if (!store.updateIfUnfinished(
        id,
        PlanStatus.RUNNING,
        write(
            PlanMapper.pending(
                id,
                echo.reference(),
                echo.warnings(),
                PlanStatus.RUNNING,
                stored.createdAt,
                stored.currency,
                stored.inputDigest)),
        null,
        null,
        null)) {
      return;
    }
    AllocationPlan plan = new AllocationPlan();
    plan.id = id;
    plan.createdAt = stored.createdAt;
    plan.currency = stored.currency;
    PlanMapper.Names labels = assembler.labelsOf(problem);
    String json =
        complete(
            plan,
            ProblemAssembler.withUnits(problem, labels),
            CompletableFuture.completedFuture(written),
            echo.with(labels));
    // Interrupted: cancelled (the store refuses the result below) or the replica is stopping. A
    // failure the interrupt caused is not the plan's: the job runs again, here or elsewhere.
    if (Thread.interrupted() && plan.status == PlanStatus.FAILED) {
      throw new IllegalStateException("plan " + id + " was interrupted while solving");
    }
    if (!store.updateIfUnfinished(
        id, plan.status, json, plan.totalCost, plan.engine, plan.completedAt)) {
      LOG.infof("Plan %s was final before its solve ended (cancelled); its result is dropped", id);
    }
  }

  /** Marks an asynchronous plan FAILED for good after its job was given up. */
  void giveUpJob(String id, String reason) {
    store
        .find(id)
        .filter(p -> !p.status.isFinal())
        .ifPresent(
            p -> {
              Echo echo = echoOf(p);
              store.failIfUnfinished(
                  id,
                  write(
                      PlanMapper.failed(
                          id,
                          echo.reference(),
                          echo.warnings(),
                          p.createdAt,
                          now(),
                          p.currency,
                          p.inputDigest,
                          reason)));
            });
  }

  /**
   * Cancels a PENDING or RUNNING plan: it is CANCELLED at once, its job is removed or, running,
   * interrupted (on another replica its result is dropped). 409 for a plan already final.
   */
  public StoredPlan cancel(String id) {
    AllocationPlan plan =
        store.find(id).orElseThrow(() -> ApiException.notFound("Allocation plan", id));
    String cancelled =
        write(
            PlanMapper.cancelled(
                id,
                echoOf(plan).reference(),
                echoOf(plan).warnings(),
                plan.createdAt,
                now(),
                plan.currency,
                plan.inputDigest));
    // A plan already final is a 409 there: past it, the plan holds the answer just written.
    store
        .cancelIfUnfinished(id, cancelled, JOB_KIND)
        .orElseThrow(() -> ApiException.notFound("Allocation plan", id));
    return new StoredPlan(id, cancelled);
  }

  /** The stored plan as JSON text, exactly as it was answered when solved. */
  public Optional<String> findJson(String id) {
    return store.find(id).map(AllocationPlan::result);
  }

  /** The canonical input a plan was solved from. */
  public Optional<String> findInputJson(String id) {
    return store
        .find(id)
        .filter(p -> p.inputGzip != null)
        .map(p -> InputSnapshot.read(p.inputGzip));
  }

  /** Plan summaries, newest first. */
  public Page<PlanSummary> list(String cursor, int limit, PlanStore.Filters filters) {
    return store.list(cursor, limit, filters);
  }

  private Prepared prepare(PlanRequest request) {
    ProblemAssembler.Assembled assembled = assembler.assemble(request);
    Instant createdAt = now();
    // Written beside the solve while a processor is free for it; with more plans at work than
    // processors, on this thread (a handoff would cost without gaining anything).
    CompletableFuture<InputSnapshot.Written> snapshot =
        preparing.get() > PROCESSORS
            ? CompletableFuture.completedFuture(InputSnapshot.of(assembled).write())
            : CompletableFuture.supplyAsync(() -> InputSnapshot.of(assembled).write(), snapshots);
    return new Prepared(assembled, PlanIds.next(createdAt.toEpochMilli()), createdAt, snapshot);
  }

  private AllocationPlan entity(Prepared prepared) {
    AllocationPlan plan = new AllocationPlan();
    plan.id = prepared.id();
    plan.createdAt = prepared.createdAt();
    plan.currency = prepared.currency();
    plan.solverVersion = solverInfo.version();
    plan.policyId = prepared.assembled().policyId();
    plan.reference = prepared.reference();
    for (var demand : prepared.assembled().problem().demands()) {
      plan.materials.add(demand.material());
    }
    return plan;
  }

  /** Waits for the snapshot writer and records the canonical input and its digest. */
  private static void attachInput(AllocationPlan plan, Prepared prepared) {
    InputSnapshot.Written written = prepared.written();
    plan.inputDigest = written.digest();
    plan.inputGzip = written.gzip();
  }

  /**
   * Solves and fills in the plan's outcome, and returns its answer as JSON; a solver failure
   * becomes a FAILED plan, never a 500.
   */
  private String complete(AllocationPlan plan, Prepared prepared) {
    return complete(
        plan,
        prepared.assembled().problem(),
        prepared.snapshot(),
        new Echo(prepared.reference(), prepared.warnings(), prepared.names()));
  }

  private String complete(
      AllocationPlan plan,
      SourcingProblem problem,
      CompletableFuture<InputSnapshot.Written> snapshot,
      Echo echo) {
    Solution solution = null;
    RuntimeException failure = null;
    long started = System.nanoTime();
    try {
      solution =
          tracing.solve(
              plan.id,
              problem.offers().size(),
              problem.demands().size(),
              observer -> optimizer.solve(problem, observer),
              result -> result.status().name());
    } catch (RuntimeException e) {
      LOG.errorf(e, "Plan %s failed in the solver", plan.id);
      failure = e;
    }
    InputSnapshot.Written written = snapshot.join();
    plan.inputDigest = written.digest();
    plan.inputGzip = written.gzip();
    PlanResponse response;
    if (failure == null) {
      plan.engine = solution.solver() == null ? null : solution.solver().engine();
      response =
          PlanMapper.solved(
              plan.id,
              echo.reference(),
              echo.warnings(),
              echo.names(),
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
              echo.reference(),
              echo.warnings(),
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
    return write(response);
  }

  /** What a plan answers beside its solution: the client's reference, warnings, and names. */
  private record Echo(String reference, List<PlanWarning> warnings, PlanMapper.Names names) {
    /** With supplier names and units from master data, for a plan solved from its stored input. */
    Echo with(PlanMapper.Names labels) {
      return new Echo(reference, warnings, labels);
    }
  }

  /**
   * The reference and warnings a stored plan answered when it was accepted (they are not part of
   * its canonical input); names are filled in from master data when it is solved.
   */
  private Echo echoOf(AllocationPlan plan) {
    String answered = plan.result();
    if (answered == null) {
      return new Echo(null, List.of(), PlanMapper.Names.NONE);
    }
    try {
      PlanResponse first = json.readValue(answered, PlanResponse.class);
      return new Echo(
          first.reference(),
          first.warnings() == null ? List.of() : first.warnings(),
          PlanMapper.Names.NONE);
    } catch (JsonProcessingException e) {
      LOG.warnf(e, "Plan %s: its stored answer could not be read back", plan.id);
      return new Echo(null, List.of(), PlanMapper.Names.NONE);
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

  /** The meters of one engine and status, registered once: a lookup by tags costs every plan. */
  private record SolveMeters(Timer solveTime, Counter plans) {}

  private final Map<String, SolveMeters> meters = new ConcurrentHashMap<>();

  private void record(String engine, String status, long nanos) {
    SolveMeters meter =
        meters.computeIfAbsent(
            engine + '/' + status,
            key ->
                new SolveMeters(
                    Timer.builder("sourcing.solve")
                        .description("Wall time of plan solves")
                        .tag("engine", engine)
                        .tag("status", status)
                        .publishPercentileHistogram()
                        .register(metrics),
                    metrics.counter("sourcing.plans", "status", status)));
    meter.solveTime().record(nanos, TimeUnit.NANOSECONDS);
    meter.plans().increment();
  }

  private String write(PlanResponse response) {
    try {
      return json.writeValueAsString(response);
    } catch (JsonProcessingException e) {
      throw new ApiException(ProblemType.INTERNAL, "The plan could not be stored");
    }
  }
}
