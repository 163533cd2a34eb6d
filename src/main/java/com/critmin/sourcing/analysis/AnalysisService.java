package com.critmin.sourcing.analysis;

import com.critmin.sourcing.analysis.api.AnalysisSummary;
import com.critmin.sourcing.analysis.api.FrontierRequest;
import com.critmin.sourcing.analysis.api.FrontierResponse;
import com.critmin.sourcing.analysis.api.ShockRequest;
import com.critmin.sourcing.analysis.api.StressTestRequest;
import com.critmin.sourcing.analysis.api.StressTestResponse;
import com.critmin.sourcing.analysis.api.VaryRequest;
import com.critmin.sourcing.common.Page;
import com.critmin.sourcing.countrygroup.CountryGroupService;
import com.critmin.sourcing.error.ApiException;
import com.critmin.sourcing.error.Problem;
import com.critmin.sourcing.error.ProblemType;
import com.critmin.sourcing.optimizer.FrontierAnalyzer;
import com.critmin.sourcing.optimizer.SourcingOptimizer;
import com.critmin.sourcing.optimizer.StressTester;
import com.critmin.sourcing.optimizer.model.Frontier;
import com.critmin.sourcing.optimizer.model.Shock;
import com.critmin.sourcing.optimizer.model.StressTest;
import com.critmin.sourcing.optimizer.model.VariedLimit;
import com.critmin.sourcing.plan.AnalysisInputs;
import com.critmin.sourcing.plan.PlanIds;
import com.critmin.sourcing.plan.ProblemAssembler;
import com.critmin.sourcing.stage.StageService;
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
import org.jboss.logging.Logger;

/**
 * Frontiers and stress tests: assemble the plan problem (read transaction), run the analysis
 * outside any transaction, store the immutable run with its input snapshot and digest in a
 * transaction of its own; with {@code Prefer: respond-async} the run is stored PENDING and done by
 * {@link AnalysisJobs}.
 */
@ApplicationScoped
public class AnalysisService {
  private static final Logger LOG = Logger.getLogger(AnalysisService.class);

  private final ProblemAssembler assembler;
  private final FrontierAnalyzer frontiers;
  private final StressTester stressTester;
  private final AnalysisStore store;
  private final AnalysisJobs jobs;
  private final CountryGroupService groups;
  private final StageService stages;
  private final ObjectMapper json;

  public AnalysisService(
      ProblemAssembler assembler,
      SourcingOptimizer optimizer,
      AnalysisStore store,
      AnalysisJobs jobs,
      CountryGroupService groups,
      StageService stages,
      ObjectMapper json) {
    this.assembler = assembler;
    this.frontiers = new FrontierAnalyzer(optimizer);
    this.stressTester = new StressTester(optimizer);
    this.store = store;
    this.jobs = jobs;
    this.groups = groups;
    this.stages = stages;
    this.json = json;
  }

  /** A stored run's id and its JSON as answered. */
  public record StoredRun(String id, String json) {}

  /** What a run was asked, ready to compute. */
  private record Prepared<R>(
      AnalysisRun run, java.util.function.Supplier<R> compute, Function<R, Object> answer) {}

  public StoredRun createFrontier(FrontierRequest request, boolean async) {
    List<Problem.FieldError> errors = new ArrayList<>();
    VariedLimit vary = vary(request.vary(), errors);
    ProblemAssembler.Assembled assembled = assemble(request.problem(false), errors);
    VaryRequest varyView = view(vary);
    AnalysisRun run =
        newRun(
            AnalysisKind.FRONTIER,
            assembled,
            new FrontierParameters(varyView, request.levels(), request.points()));
    return create(
        new Prepared<Frontier>(
            run,
            () -> frontiers.analyze(assembled.problem(), vary, request.levels(), request.points()),
            f -> AnalysisMapper.frontier(run, varyView, f)),
        async,
        status -> AnalysisMapper.frontierStatus(run, varyView, status, null));
  }

  public StoredRun createStressTest(StressTestRequest request, boolean async) {
    List<Problem.FieldError> errors = new ArrayList<>();
    List<Shock> shocks = shocks(request.shocks(), errors);
    ProblemAssembler.Assembled assembled = assemble(request.problem(true), errors);
    AnalysisRun run =
        newRun(AnalysisKind.STRESS_TEST, assembled, new StressParameters(request.shocks()));
    return create(
        new Prepared<StressTest>(
            run,
            () -> stressTester.run(assembled.problem(), shocks),
            t -> AnalysisMapper.stressTest(run, t)),
        async,
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

  /** The parameters a frontier's digest covers besides the problem. */
  record FrontierParameters(VaryRequest vary, List<Double> levels, Integer points) {}

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

  private <R> StoredRun create(
      Prepared<R> prepared, boolean async, Function<AnalysisStatus, Object> statusOnly) {
    AnalysisRun run = prepared.run();
    if (!async) {
      complete(prepared, statusOnly);
      store.insert(run);
      return new StoredRun(run.id, run.resultJson);
    }
    try (AnalysisJobs.Place place = jobs.reserve()) {
      run.status = AnalysisStatus.PENDING;
      run.resultJson = write(statusOnly.apply(AnalysisStatus.PENDING));
      store.insert(run);
      place.submit(
          () -> runInBackground(prepared, statusOnly),
          reason -> markFailed(run, statusOnly, reason));
      return new StoredRun(run.id, run.resultJson);
    }
  }

  private <R> void runInBackground(
      Prepared<R> prepared, Function<AnalysisStatus, Object> statusOnly) {
    AnalysisRun run = prepared.run();
    try {
      store.update(
          run.id, AnalysisStatus.RUNNING, write(statusOnly.apply(AnalysisStatus.RUNNING)), null);
      complete(prepared, statusOnly);
      store.update(run.id, run.status, run.resultJson, run.completedAt);
    } catch (Throwable e) {
      LOG.errorf(e, "Asynchronous analysis %s could not be completed", run.id);
      markFailed(run, statusOnly, failureMessage(run.id));
      if (e instanceof VirtualMachineError error) throw error;
    }
  }

  private void markFailed(
      AnalysisRun run, Function<AnalysisStatus, Object> statusOnly, String reason) {
    try {
      run.status = AnalysisStatus.FAILED;
      run.completedAt = now();
      store.update(run.id, AnalysisStatus.FAILED, write(failed(run, reason)), run.completedAt);
    } catch (RuntimeException again) {
      LOG.errorf(again, "Analysis %s could not be marked FAILED", run.id);
    }
  }

  private static Object failed(AnalysisRun run, String reason) {
    return run.kind == AnalysisKind.FRONTIER
        ? AnalysisMapper.frontierStatus(run, null, AnalysisStatus.FAILED, reason)
        : AnalysisMapper.stressStatus(run, AnalysisStatus.FAILED, reason);
  }

  /** Computes and fills in the run's outcome; a solver failure is a FAILED run, never a 500. */
  private <R> void complete(Prepared<R> prepared, Function<AnalysisStatus, Object> statusOnly) {
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

  public Page<AnalysisSummary> list(AnalysisKind kind, String cursor, int limit) {
    return store.list(kind, cursor, limit);
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
