package com.critmin.sourcing.analysis;

import com.critmin.sourcing.analysis.api.AnalysisSummary;
import com.critmin.sourcing.analysis.api.FrontierRequest;
import com.critmin.sourcing.analysis.api.FrontierResponse;
import com.critmin.sourcing.analysis.api.ShockRequest;
import com.critmin.sourcing.analysis.api.StressTestRequest;
import com.critmin.sourcing.analysis.api.StressTestResponse;
import com.critmin.sourcing.analysis.api.VaryRequest;
import com.critmin.sourcing.common.Page;
import com.critmin.sourcing.config.SourcingConfig;
import com.critmin.sourcing.countrygroup.CountryGroupService;
import com.critmin.sourcing.error.ApiException;
import com.critmin.sourcing.error.Problem;
import com.critmin.sourcing.error.ProblemType;
import com.critmin.sourcing.optimizer.FrontierAnalyzer;
import com.critmin.sourcing.optimizer.SourcingOptimizer;
import com.critmin.sourcing.optimizer.StressTester;
import com.critmin.sourcing.optimizer.model.Frontier;
import com.critmin.sourcing.optimizer.model.Shock;
import com.critmin.sourcing.optimizer.model.SolveOptions;
import com.critmin.sourcing.optimizer.model.SourcingProblem;
import com.critmin.sourcing.optimizer.model.StressTest;
import com.critmin.sourcing.optimizer.model.VariedLimit;
import com.critmin.sourcing.plan.AnalysisInputs;
import com.critmin.sourcing.plan.PlanIds;
import com.critmin.sourcing.plan.ProblemAssembler;
import com.critmin.sourcing.stage.StageService;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Frontiers and stress tests: assemble the plan problem (read transaction), run the analysis
 * outside any transaction, store the immutable run with its input snapshot and digest in a
 * transaction of its own. With {@code Prefer: respond-async} the run is stored PENDING with a job
 * (kind "frontier" or "stress-test") in one transaction; any replica then computes it from its
 * stored input, again if the replica running it dies ({@link AnalysisJob}).
 */
@ApplicationScoped
public class AnalysisService {
  private static final Logger LOG = Logger.getLogger(AnalysisService.class);

  private final ProblemAssembler assembler;
  private final FrontierAnalyzer frontiers;
  private final StressTester stressTester;
  private final AnalysisStore store;
  private final CountryGroupService groups;
  private final StageService stages;
  private final ObjectMapper json;
  private final SourcingConfig config;
  private final com.critmin.sourcing.supplier.SupplierRepository suppliers;

  public AnalysisService(
      ProblemAssembler assembler,
      SourcingOptimizer optimizer,
      AnalysisStore store,
      CountryGroupService groups,
      StageService stages,
      ObjectMapper json,
      SourcingConfig config,
      com.critmin.sourcing.supplier.SupplierRepository suppliers) {
    this.suppliers = suppliers;
    this.assembler = assembler;
    this.frontiers = new FrontierAnalyzer(optimizer);
    this.stressTester = new StressTester(optimizer);
    this.store = store;
    this.groups = groups;
    this.stages = stages;
    this.json = json;
    this.config = config;
  }

  /** A stored run's id and its JSON as answered. */
  public record StoredRun(String id, String json) {}

  /** What a run was asked, ready to compute; {@code statusOnly} answers while it has no result. */
  private record Prepared<R>(
      AnalysisRun run,
      Supplier<R> compute,
      Function<R, Object> answer,
      Function<AnalysisStatus, Object> statusOnly) {}

  public StoredRun createFrontier(FrontierRequest request, boolean async) {
    List<Problem.FieldError> errors = new ArrayList<>();
    VariedLimit vary = vary(request.vary(), errors);
    ProblemAssembler.Assembled assembled = assemble(request.problem(false), errors);
    FrontierParameters parameters =
        new FrontierParameters(
            view(vary),
            request.levels(),
            request.points(),
            vary.kind() == VariedLimit.Kind.GROUP_LIMIT
                ? vary.groupCountries().stream().sorted().toList()
                : null);
    AnalysisRun run = newRun(AnalysisKind.FRONTIER, assembled, parameters);
    return create(frontier(run, assembled.problem(), parameters), async, assembled.problem());
  }

  private Prepared<Frontier> frontier(
      AnalysisRun run, SourcingProblem problem, FrontierParameters parameters) {
    VariedLimit vary = varied(parameters);
    VaryRequest view = parameters.vary();
    return new Prepared<>(
        run,
        () -> frontiers.analyze(problem, vary, parameters.levels(), parameters.points()),
        f -> AnalysisMapper.frontier(run, view, f),
        status -> AnalysisMapper.frontierStatus(run, view, status, null));
  }

  public StoredRun createStressTest(StressTestRequest request, boolean async) {
    List<Problem.FieldError> errors = new ArrayList<>();
    List<Shock> shocks = shocks(request.shocks(), errors);
    ProblemAssembler.Assembled assembled = assemble(request.problem(true), errors);
    checkShockSuppliers(request.shocks(), assembled);
    AnalysisRun run =
        newRun(AnalysisKind.STRESS_TEST, assembled, new StressParameters(request.shocks()));
    return create(stressTest(run, assembled.problem(), shocks), async, assembled.problem());
  }

  private Prepared<StressTest> stressTest(
      AnalysisRun run, SourcingProblem problem, List<Shock> shocks) {
    return new Prepared<>(
        run,
        () -> stressTester.run(problem, shocks),
        t -> AnalysisMapper.stressTest(run, t),
        status -> AnalysisMapper.stressStatus(run, status, null));
  }

  /**
   * The problem, or 422 with every error of the request at once: those already found in the
   * analysis' own parameters and those of the problem.
   */
  private ProblemAssembler.Assembled assemble(
      com.critmin.sourcing.plan.api.PlanRequest request, List<Problem.FieldError> errors) {
    ProblemAssembler.Assembled assembled;
    try {
      assembled = assembler.assemble(request);
    } catch (ApiException e) {
      if (errors.isEmpty() || e.errors() == null) throw e;
      errors.addAll(e.errors());
      throw ApiException.invalid(errors);
    }
    if (!errors.isEmpty()) throw ApiException.invalid(errors);
    return assembled;
  }

  /**
   * The parameters a frontier's digest covers besides the problem; a varied group's countries as
   * resolved when it was asked (absent for other limits), so that a job computes what was asked.
   */
  record FrontierParameters(
      VaryRequest vary,
      List<Double> levels,
      Integer points,
      @JsonInclude(JsonInclude.Include.NON_NULL) List<String> groupCountries) {}

  /** The parameters a stress test's digest covers besides the problem. */
  record StressParameters(List<ShockRequest> shocks) {}

  private AnalysisRun newRun(
      AnalysisKind kind, ProblemAssembler.Assembled assembled, Object parameters) {
    Instant createdAt = now();
    AnalysisRun run = new AnalysisRun();
    run.id = PlanIds.next(createdAt.toEpochMilli());
    run.kind = kind;
    run.createdAt = createdAt;
    run.currency = assembled.currency();
    AnalysisInputs.Written input = AnalysisInputs.write(assembled, parameters);
    run.inputDigest = input.digest();
    run.inputGzip = input.gzip();
    return run;
  }

  private <R> StoredRun create(Prepared<R> prepared, boolean async, SourcingProblem problem) {
    AnalysisRun run = prepared.run();
    if (!async) {
      complete(prepared);
      store.insert(run);
      return new StoredRun(run.id, run.resultJson);
    }
    run.status = AnalysisStatus.PENDING;
    run.resultJson = write(prepared.statusOnly().apply(AnalysisStatus.PENDING));
    store.insertWithJob(run, Long.toString(problem.options().timeLimitMillis()));
    return new StoredRun(run.id, run.resultJson);
  }

  /**
   * Runs an asynchronous run's job, on whichever replica took it (again, if a replica died while
   * computing it): PENDING or RUNNING -> RUNNING -> final, from the stored input. A run already
   * final (cancelled, or given up) is left as it is, and so is a result that comes after it was
   * cancelled.
   */
  void runJob(AnalysisKind kind, String id, String timeLimitMillis) {
    Optional<AnalysisRun> found = store.find(kind, id);
    if (found.isEmpty() || found.get().status.isFinal()) {
      return;
    }
    AnalysisRun stored = found.get();
    long limit =
        timeLimitMillis == null
            ? config.solver().timeLimit().toMillis()
            : Long.parseLong(timeLimitMillis);
    AnalysisInputs.Parsed input =
        AnalysisInputs.parse(
            stored.inputGzip,
            new SolveOptions(
                config.solver().engine(),
                limit,
                config.solver().threads(),
                true,
                config.solver().relativeGap()));
    AnalysisRun run = new AnalysisRun();
    run.id = id;
    run.kind = kind;
    run.createdAt = stored.createdAt;
    run.currency = stored.currency;
    run.inputDigest = stored.inputDigest;
    Prepared<?> prepared =
        kind == AnalysisKind.FRONTIER
            ? frontier(run, input.problem(), parameters(input, FrontierParameters.class))
            : stressTest(
                run,
                input.problem(),
                stored(
                    errors -> shocks(parameters(input, StressParameters.class).shocks(), errors)));
    String running = write(prepared.statusOnly().apply(AnalysisStatus.RUNNING));
    if (!store.updateIfUnfinished(id, AnalysisStatus.RUNNING, running, null)) {
      return;
    }
    complete(prepared);
    // Interrupted: cancelled (the store refuses the result below) or the replica is stopping. A
    // failure the interrupt caused is not the run's: the job runs again, here or elsewhere.
    if (Thread.interrupted() && run.status == AnalysisStatus.FAILED) {
      throw new IllegalStateException("analysis " + id + " was interrupted while computing");
    }
    if (!store.updateIfUnfinished(id, run.status, run.resultJson, run.completedAt)) {
      LOG.infof("Analysis %s was final before it ended (cancelled); its result is dropped", id);
    }
  }

  /** Marks an asynchronous run FAILED for good after its job was given up. */
  void giveUpJob(AnalysisKind kind, String id, String reason) {
    store
        .find(kind, id)
        .filter(r -> !r.status.isFinal())
        .ifPresent(
            r -> {
              Instant completedAt = now();
              String failed = write(statusOf(r, AnalysisStatus.FAILED, completedAt, reason));
              store.updateIfUnfinished(id, AnalysisStatus.FAILED, failed, completedAt);
            });
  }

  /**
   * Cancels a PENDING or RUNNING run: it is CANCELLED at once, its job is removed or, running,
   * interrupted (on another replica its result is dropped). 404 for no such run, 409 for one
   * already final.
   */
  public StoredRun cancel(AnalysisKind kind, String id) {
    String what = AnalysisStore.label(kind);
    AnalysisRun run = store.find(kind, id).orElseThrow(() -> ApiException.notFound(what, id));
    Instant completedAt = now();
    String cancelled = write(statusOf(run, AnalysisStatus.CANCELLED, completedAt, null));
    AnalysisRun after =
        store
            .cancelIfUnfinished(kind, id, cancelled, completedAt)
            .orElseThrow(() -> ApiException.notFound(what, id));
    return new StoredRun(after.id, after.resultJson);
  }

  /** A run's answer without figures (final, not computed), its frontier's vary kept. */
  private Object statusOf(
      AnalysisRun stored, AnalysisStatus status, Instant completedAt, String reason) {
    AnalysisRun run = new AnalysisRun();
    run.id = stored.id;
    run.kind = stored.kind;
    run.createdAt = stored.createdAt;
    run.currency = stored.currency;
    run.inputDigest = stored.inputDigest;
    run.completedAt = completedAt;
    if (run.kind == AnalysisKind.STRESS_TEST) {
      return AnalysisMapper.stressStatus(run, status, reason);
    }
    VaryRequest vary =
        stored.resultJson == null ? null : read(stored.resultJson, FrontierResponse.class).vary();
    return AnalysisMapper.frontierStatus(run, vary, status, reason);
  }

  private <P> P parameters(AnalysisInputs.Parsed input, Class<P> type) {
    try {
      return json.treeToValue(input.parameters(), type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored analysis parameters are not readable", e);
    }
  }

  /** The varied limit of stored parameters; a group's countries as they were when asked. */
  private VariedLimit varied(FrontierParameters parameters) {
    VaryRequest vary = parameters.vary();
    if (vary.kind().equals("GROUP_LIMIT") && parameters.groupCountries() != null) {
      return VariedLimit.group(
          vary.group(), new java.util.LinkedHashSet<>(parameters.groupCountries()), vary.stage());
    }
    return stored(errors -> vary(vary, errors));
  }

  /**
   * Parameters read back from a stored run were checked when it was asked; still, never silently.
   */
  private static <T> T stored(Function<List<Problem.FieldError>, T> read) {
    List<Problem.FieldError> errors = new ArrayList<>();
    T value = read.apply(errors);
    if (!errors.isEmpty()) throw ApiException.invalid(errors);
    return value;
  }

  private static Object failed(AnalysisRun run, String reason) {
    return run.kind == AnalysisKind.FRONTIER
        ? AnalysisMapper.frontierStatus(run, null, AnalysisStatus.FAILED, reason)
        : AnalysisMapper.stressStatus(run, AnalysisStatus.FAILED, reason);
  }

  /** Computes and fills in the run's outcome; a solver failure is a FAILED run, never a 500. */
  private <R> void complete(Prepared<R> prepared) {
    AnalysisRun run = prepared.run();
    Object answer;
    try {
      R result = prepared.compute().get();
      run.completedAt = now();
      answer = prepared.answer().apply(result);
    } catch (RuntimeException e) {
      LOG.errorf(e, "Analysis %s failed in the solver", run.id);
      run.completedAt = now();
      answer = failed(run, failureMessage(run.id));
    }
    run.status =
        AnalysisStatus.valueOf(
            answer instanceof FrontierResponse f
                ? f.status()
                : ((StressTestResponse) answer).status());
    run.resultJson = write(answer);
  }

  public Optional<String> findJson(AnalysisKind kind, String id) {
    return store.find(kind, id).map(r -> r.resultJson);
  }

  public Optional<String> findInputJson(AnalysisKind kind, String id) {
    return store
        .find(kind, id)
        .filter(r -> r.inputGzip != null)
        .map(r -> AnalysisInputs.read(r.inputGzip));
  }

  public Optional<FrontierResponse> findFrontier(String id) {
    return findJson(AnalysisKind.FRONTIER, id).map(j -> read(j, FrontierResponse.class));
  }

  public Optional<StressTestResponse> findStressTest(String id) {
    return findJson(AnalysisKind.STRESS_TEST, id).map(j -> read(j, StressTestResponse.class));
  }

  /** A stored frontier drawn as SVG. */
  public Optional<String> frontierSvg(String id) {
    return findFrontier(id).map(Charts::frontier);
  }

  /** A stored frontier as a CSV table. */
  public Optional<String> frontierCsv(String id) {
    return findFrontier(id).map(Tables::frontier);
  }

  /** A stored stress test drawn as SVG. */
  public Optional<String> stressTestSvg(String id) {
    return findStressTest(id).map(Charts::stressTest);
  }

  /** A stored stress test as a CSV table. */
  public Optional<String> stressTestCsv(String id) {
    return findStressTest(id).map(Tables::stressTest);
  }

  public Page<AnalysisSummary> list(AnalysisKind kind, String status, String cursor, int limit) {
    return store.list(kind, AnalysisStatus.of(status), cursor, limit);
  }

  /**
   * The optimizer's varied limit for the request's {@code vary}; unknown names (groups, stages) are
   * added to {@code errors}.
   */
  private VariedLimit vary(VaryRequest vary, List<Problem.FieldError> errors) {
    if (vary == null || vary.kind() == null || vary.kind().equals("MAX_COUNTRY_SHARE")) {
      return VariedLimit.MAX_COUNTRY_SHARE;
    }
    if (vary.stage() != null) {
      stages.check(List.of(new StageService.Reference("vary.stage", vary.stage())), false, errors);
    }
    VariedLimit result = null;
    if (vary.kind().equals("COUNTRY_LIMIT")) {
      if (vary.country() == null)
        errors.add(field("vary.country", "COUNTRY_LIMIT names a country"));
      else result = VariedLimit.country(vary.country(), vary.stage(), vary.material());
    } else {
      if (vary.group() == null) {
        errors.add(field("vary.group", "GROUP_LIMIT names a group"));
      } else {
        Optional<Set<String>> countries = groups.countries(vary.group());
        if (countries.isEmpty()) {
          errors.add(field("vary.group", "no country group '" + vary.group() + "'"));
        } else {
          result = VariedLimit.group(vary.group(), countries.get(), vary.stage());
        }
      }
    }
    return result;
  }

  private static VaryRequest view(VariedLimit vary) {
    return new VaryRequest(
        vary.kind().name(), vary.country(), vary.stage(), vary.material(), vary.group());
  }

  private List<Shock> shocks(List<ShockRequest> requests, List<Problem.FieldError> errors) {
    if (requests == null || requests.isEmpty()) return null;
    List<StageService.Reference> named = new ArrayList<>();
    List<Shock> shocks = new ArrayList<>(requests.size());
    for (int i = 0; i < requests.size(); i++) {
      ShockRequest s = requests.get(i);
      String at = "shocks[" + i + "]";
      if ((s.country() == null) == (s.supplier() == null)) {
        errors.add(field(at, "name exactly one of country or supplier"));
        continue;
      }
      if (s.supplier() != null && s.stage() != null) {
        errors.add(field(at + ".stage", "a stage goes with a country, not a supplier"));
        continue;
      }
      if (s.stage() != null) named.add(new StageService.Reference(at + ".stage", s.stage()));
      shocks.add(
          new Shock(
              s.country(),
              s.stage(),
              s.supplier(),
              s.capacityFactor() == null ? 0.0 : s.capacityFactor()));
    }
    stages.check(named, false, errors);
    return shocks;
  }

  /**
   * A supplier shock must name a supplier that exists: in master data when the offers are stored,
   * among the request's offers when they are inline. One that names nothing would answer "losing it
   * costs nothing" for a typo.
   */
  private void checkShockSuppliers(
      List<ShockRequest> requests, ProblemAssembler.Assembled assembled) {
    if (requests == null) return;
    java.util.Set<String> named = new java.util.HashSet<>();
    requests.stream().map(ShockRequest::supplier).filter(s -> s != null).forEach(named::add);
    if (named.isEmpty()) return;
    boolean inline = assembled.statelessMode();
    java.util.Set<String> known =
        inline
            ? assembled.problem().offers().stream()
                .map(com.critmin.sourcing.optimizer.model.OfferInput::supplierId)
                .collect(java.util.stream.Collectors.toSet())
            : suppliers.existingIds(named);
    List<Problem.FieldError> errors = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      String supplier = requests.get(i).supplier();
      if (supplier != null && !known.contains(supplier)) {
        errors.add(
            field(
                "shocks[" + i + "].supplier",
                inline
                    ? "supplier '"
                        + supplier
                        + "' has no offer in this request"
                        + com.critmin.sourcing.error.Suggestions.hint(supplier, known)
                    : "supplier '" + supplier + "' does not exist" + suppliers.hint(supplier)));
      }
    }
    if (!errors.isEmpty()) throw ApiException.invalid(errors);
  }

  private static Problem.FieldError field(String name, String message) {
    return new Problem.FieldError(name, message);
  }

  private static String failureMessage(String id) {
    return "The solver failed on this input; the error is logged under analysis id " + id;
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }

  private String write(Object answer) {
    try {
      return json.writeValueAsString(answer);
    } catch (JsonProcessingException e) {
      throw new ApiException(ProblemType.INTERNAL, "The analysis could not be stored");
    }
  }

  private <T> T read(String text, Class<T> type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new ApiException(ProblemType.INTERNAL, "A stored analysis is not readable");
    }
  }
}
