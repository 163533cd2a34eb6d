package com.critmin.sourcing.plan;

import com.critmin.sourcing.config.SourcingConfig;
import com.critmin.sourcing.error.ApiException;
import com.critmin.sourcing.error.Problem;
import com.critmin.sourcing.material.MaterialRepository;
import com.critmin.sourcing.offer.OfferRules;
import com.critmin.sourcing.optimizer.ProblemValidator;
import com.critmin.sourcing.optimizer.Violation;
import com.critmin.sourcing.optimizer.model.Demand;
import com.critmin.sourcing.optimizer.model.Limits;
import com.critmin.sourcing.optimizer.model.OfferInput;
import com.critmin.sourcing.optimizer.model.Scenario;
import com.critmin.sourcing.optimizer.model.SolveOptions;
import com.critmin.sourcing.optimizer.model.SourcingProblem;
import com.critmin.sourcing.plan.api.DemandLine;
import com.critmin.sourcing.plan.api.PlanRequest;
import com.critmin.sourcing.plan.api.PlanWarning;
import com.critmin.sourcing.plan.api.ScenarioRequest;
import com.critmin.sourcing.stage.StageNames;
import com.critmin.sourcing.stage.StageService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a Bean-Validated plan request into the optimizer's problem, with every mistake in it
 * reported at once as a 422 naming the request's fields. Each rule has one home:
 *
 * <ul>
 *   <li>what a field may hold: Bean Validation on the request records (inline offers: {@link
 *       InlineOfferChecks}, the same rules by hand);
 *   <li>names of master data and what the API refuses although the optimizer would cope: the three
 *       jobs here, {@link PolicyResolver} (policy and groups; the rules across a policy's limits
 *       are {@code PolicyLimits.crossFieldErrors}, as for a stored policy), {@link OfferSource}
 *       (inline or stored offers, their currency) and {@link ScenarioMapping};
 *   <li>what the optimizer needs to give a meaningful answer (one demand line per material, unique
 *       offer ids, a factor that names exactly one target, ...): {@link ProblemValidator}, whose
 *       violations this class names by the request's fields.
 * </ul>
 *
 * A name that one job reads (a policy id, a group, a scenario's supplier) is checked by that job. A
 * rule over names that several parts of the request give, such as a stage vocabulary for offers'
 * origins, limits and scenarios, belongs here beside the validator: it reads the assembled problem
 * and names its findings with {@link #requestField}, as the validator's are.
 */
@ApplicationScoped
@Transactional
public class ProblemAssembler {
  private static final int MAX_ERRORS = 100;

  private final PolicyResolver policies;
  private final StoredOffers storedOffers;
  private final SourcingConfig config;
  private final StageService stages;
  private final MaterialRepository materials;

  public ProblemAssembler(
      PolicyResolver policies,
      StoredOffers storedOffers,
      SourcingConfig config,
      StageService stages,
      MaterialRepository materials) {
    this.materials = materials;
    this.policies = policies;
    this.storedOffers = storedOffers;
    this.config = config;
    this.stages = stages;
  }

  /** The resolved problem, with what the plan records about how it was asked. */
  public record Assembled(
      SourcingProblem problem,
      String currency,
      String policyId,
      LocalDate asOf,
      boolean statelessMode,
      String reference,
      List<PlanWarning> warnings,
      Map<String, String> supplierNames,
      Map<String, String> units) {}

  public Assembled assemble(PlanRequest request) {
    List<Problem.FieldError> errors = new ArrayList<>();
    String currency = request.currency() == null ? "USD" : request.currency();
    LocalDate asOf = request.asOf() != null ? request.asOf() : LocalDate.now(ZoneOffset.UTC);

    List<Demand> demands = new ArrayList<>(request.demand().size());
    Set<String> demanded = new LinkedHashSet<>();
    for (DemandLine line : request.demand()) {
      demands.add(new Demand(line.material(), line.quantity(), line.shortfallPenalty()));
      demanded.add(line.material());
    }
    PolicyResolver.Resolved resolved =
        policies.resolve(request.policyId(), request.policy(), errors);
    Limits limits = resolved.limits();
    Scenario scenario = ScenarioMapping.toScenario(request.scenario(), errors);
    boolean stateless = request.offers() != null;
    OfferSource offers =
        stateless
            ? InlineOffers.of(
                request.offers(),
                demanded,
                currency,
                asOf,
                config.plans().maxOffers(),
                MAX_ERRORS,
                errors)
            : storedOffers.load(request.demand(), demanded, currency, asOf, MAX_ERRORS, errors);
    List<PlanWarning> scenarioWarnings = new ArrayList<>();
    ScenarioMapping.checkReferences(
        request.scenario(), offers, stateless, errors, scenarioWarnings);
    checkOutageStages(request.scenario(), errors);

    SourcingProblem checked =
        new SourcingProblem(
            offers.offers(),
            demands,
            limits,
            scenario,
            Boolean.TRUE.equals(request.allowShortfall()),
            request.shortfallPenalty(),
            currency,
            options(request),
            offers.fixedCosts());
    for (Violation violation : ProblemValidator.validate(checked)) {
      errors.add(
          new Problem.FieldError(requestField(violation.field(), offers), violation.message()));
    }
    if (stateless) {
      checkOriginStages(checked.offers(), offers, errors);
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid(
          errors.size() > MAX_ERRORS ? errors.subList(0, MAX_ERRORS) : errors);
    }
    Map<String, String> units =
        stateless ? unitsGiven(request.demand()) : materials.unitsOf(demanded);
    SourcingProblem problem =
        new SourcingProblem(
            offers.solved(),
            withUnits(checked.demands(), units::get),
            checked.limits(),
            checked.scenario(),
            checked.allowShortfall(),
            checked.shortfallPenalty(),
            checked.currency(),
            checked.options(),
            checked.supplierFixedCosts());
    List<PlanWarning> warnings =
        PlanWarnings.of(
            problem,
            request.scenario(),
            resolved.countryLimitsField(),
            resolved.groupLimitsField(),
            scenarioWarnings);
    return new Assembled(
        problem,
        currency,
        request.policyId(),
        asOf,
        stateless,
        request.reference(),
        warnings,
        offers.supplierNames(problem.offers()),
        units);
  }

  /** The demand lines with their material's unit, which explanations name. */
  private static List<Demand> withUnits(
      List<Demand> demands, java.util.function.Function<String, String> unitOf) {
    List<Demand> named = new ArrayList<>(demands.size());
    for (Demand d : demands) {
      named.add(
          new Demand(d.material(), d.quantity(), d.shortfallPenalty(), unitOf.apply(d.material())));
    }
    return named;
  }

  /** A problem read back from its stored input, its demand lines named with their units. */
  static SourcingProblem withUnits(SourcingProblem problem, PlanMapper.Names labels) {
    return new SourcingProblem(
        problem.offers(),
        withUnits(problem.demands(), labels::unit),
        problem.limits(),
        problem.scenario(),
        problem.allowShortfall(),
        problem.shortfallPenalty(),
        problem.currency(),
        problem.options(),
        problem.supplierFixedCosts());
  }

  /**
   * The units a stateless request gives on its demand lines. A stateless plan reads no master data
   * (it would cost a database round trip on every plan, the latency ERP integrations pay for), so a
   * material's unit is the request's or none.
   */
  private static Map<String, String> unitsGiven(List<DemandLine> lines) {
    Map<String, String> units = new HashMap<>();
    for (DemandLine line : lines) {
      if (line.unit() != null) {
        units.putIfAbsent(line.material(), line.unit());
      }
    }
    return units;
  }

  /**
   * Supplier names and units from master data, for a plan solved later from its stored input (an
   * inline offer's supplier name is not part of that input).
   */
  PlanMapper.Names labelsOf(SourcingProblem problem) {
    Set<String> supplierIds = new HashSet<>();
    problem.offers().forEach(offer -> supplierIds.add(offer.supplierId()));
    Set<String> demanded = new HashSet<>();
    problem.demands().forEach(demand -> demanded.add(demand.material()));
    Map<String, String> supplierNames = storedOffers.supplierNames(supplierIds);
    Map<String, String> units = materials.unitsOf(demanded);
    return new PlanMapper.Names() {
      @Override
      public String supplierName(String supplierId) {
        return supplierNames.get(supplierId);
      }

      @Override
      public String unit(String material) {
        return units.get(material);
      }
    };
  }

  /**
   * Every stage an inline offer's origins name must be in the stage vocabulary: a misspelled one
   * would silently become a stage of its own. Stored offers were checked when written. The distinct
   * names are few, so the vocabulary is asked once and each offer only compares names.
   */
  private void checkOriginStages(
      List<OfferInput> checked, OfferSource offers, List<Problem.FieldError> errors) {
    Set<String> named = new HashSet<>();
    for (OfferInput offer : checked) {
      named.addAll(offer.origins().keySet());
    }
    named.remove(OfferRules.SUPPLY_STAGE);
    if (named.isEmpty()) {
      return;
    }
    Set<String> unknown = new HashSet<>(named);
    unknown.removeAll(stages.existing(named));
    if (unknown.isEmpty()) {
      return;
    }
    List<String> known = stages.allNames();
    for (int i = 0; i < checked.size() && errors.size() <= MAX_ERRORS; i++) {
      for (String stage : checked.get(i).origins().keySet()) {
        if (unknown.contains(stage)) {
          errors.add(
              new Problem.FieldError(
                  offers.field(i) + ".origins[" + stage + "]", StageNames.unknown(stage, known)));
        }
      }
    }
  }

  /** The stages a scenario's country outages name must be in the stage vocabulary. */
  private void checkOutageStages(ScenarioRequest scenario, List<Problem.FieldError> errors) {
    if (scenario == null || scenario.countryOutages() == null) {
      return;
    }
    List<StageService.Reference> named = new ArrayList<>();
    for (int i = 0; i < scenario.countryOutages().size(); i++) {
      List<String> outageStages = scenario.countryOutages().get(i).stages();
      for (int k = 0; outageStages != null && k < outageStages.size(); k++) {
        named.add(
            new StageService.Reference(
                "scenario.countryOutages[" + i + "].stages[" + k + "]", outageStages.get(k)));
      }
    }
    stages.check(named, false, errors);
  }

  /** The configured engine, threads and time limit; a request may ask for less time. */
  private SolveOptions options(PlanRequest request) {
    double timeLimitMillis = config.solver().timeLimit().toMillis();
    if (request.timeLimitSeconds() != null) {
      timeLimitMillis = Math.min(timeLimitMillis, request.timeLimitSeconds() * 1000.0);
    }
    return new SolveOptions(
        config.solver().engine(),
        Math.max(1, (long) timeLimitMillis),
        config.solver().threads(),
        true,
        config.solver().relativeGap());
  }

  /**
   * The request's name for a field of the optimizer's problem: {@code demands[1].material} is
   * {@code demand[1].material}, {@code limits.x} is {@code policy.x}, {@code offers[k]} the
   * request's offer that became the k-th one.
   */
  static String requestField(String optimizerField, OfferSource offers) {
    if (optimizerField.startsWith("demands")) {
      return "demand" + optimizerField.substring("demands".length());
    }
    if (optimizerField.startsWith("limits.")) {
      return "policy." + optimizerField.substring("limits.".length());
    }
    if (optimizerField.startsWith("offers[")) {
      int end = optimizerField.indexOf(']');
      int index = Integer.parseInt(optimizerField.substring("offers[".length(), end));
      return offers.field(index) + optimizerField.substring(end + 1);
    }
    return optimizerField;
  }
}
