package com.critmin.sourcing.plan;

import com.critmin.sourcing.common.InChunks;
import com.critmin.sourcing.config.SourcingConfig;
import com.critmin.sourcing.countrygroup.CountryGroupService;
import com.critmin.sourcing.error.ApiException;
import com.critmin.sourcing.error.Problem;
import com.critmin.sourcing.material.MaterialRepository;
import com.critmin.sourcing.offer.Offer;
import com.critmin.sourcing.offer.OfferRepository;
import com.critmin.sourcing.offer.OfferRules;
import com.critmin.sourcing.optimizer.ProblemValidator;
import com.critmin.sourcing.optimizer.Violation;
import com.critmin.sourcing.optimizer.model.CountryLimit;
import com.critmin.sourcing.optimizer.model.Demand;
import com.critmin.sourcing.optimizer.model.Factor;
import com.critmin.sourcing.optimizer.model.GroupLimit;
import com.critmin.sourcing.optimizer.model.Limits;
import com.critmin.sourcing.optimizer.model.OfferInput;
import com.critmin.sourcing.optimizer.model.Scenario;
import com.critmin.sourcing.optimizer.model.SolveOptions;
import com.critmin.sourcing.optimizer.model.SourcingProblem;
import com.critmin.sourcing.plan.api.DemandLine;
import com.critmin.sourcing.plan.api.FactorRequest;
import com.critmin.sourcing.plan.api.InlineOffer;
import com.critmin.sourcing.plan.api.PlanRequest;
import com.critmin.sourcing.plan.api.ScenarioRequest;
import com.critmin.sourcing.policy.PolicyLimits;
import com.critmin.sourcing.policy.SourcingPolicyService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns a plan request into the optimizer's problem: resolves the policy and its groups, gathers
 * the offers (inline or stored and valid on asOf), maps the scenario, and rejects with 422 what
 * names something missing.
 */
@ApplicationScoped
@Transactional
public class ProblemAssembler {
  private static final int MAX_ERRORS = 100;

  private final SourcingPolicyService policies;
  private final CountryGroupService groups;
  private final MaterialRepository materials;
  private final OfferRepository offers;
  private final SourcingConfig config;

  public ProblemAssembler(
      SourcingPolicyService policies,
      CountryGroupService groups,
      MaterialRepository materials,
      OfferRepository offers,
      SourcingConfig config) {
    this.policies = policies;
    this.groups = groups;
    this.materials = materials;
    this.offers = offers;
    this.config = config;
  }

  /** The resolved problem, with what the plan records about how it was asked. */
  public record Assembled(
      SourcingProblem problem,
      String currency,
      String policyId,
      LocalDate asOf,
      boolean statelessMode) {}

  public Assembled assemble(PlanRequest request) {
    List<Problem.FieldError> errors = new ArrayList<>();
    String currency = request.currency() == null ? "USD" : request.currency();
    LocalDate asOf = request.asOf() != null ? request.asOf() : LocalDate.now(ZoneOffset.UTC);

    List<Demand> demands = demands(request.demand(), errors);
    PolicyLimits limits = policy(request, errors);
    Scenario scenario = scenario(request.scenario(), errors);
    throwIfAny(errors);

    Set<String> demanded = new LinkedHashSet<>();
    demands.forEach(d -> demanded.add(d.material()));
    boolean stateless = request.offers() != null;
    List<OfferInput> offerInputs =
        stateless
            ? inlineOffers(request.offers(), demanded, currency, asOf, errors)
            : storedOffers(request.demand(), demanded, currency, asOf, errors);
    throwIfAny(errors);
    checkScenarioReferences(request.scenario(), stateless ? request.offers() : null, errors);
    throwIfAny(errors);

    double timeLimitMillis = config.solver().timeLimit().toMillis();
    if (request.timeLimitSeconds() != null) {
      timeLimitMillis = Math.min(timeLimitMillis, request.timeLimitSeconds() * 1000.0);
    }
    SolveOptions options =
        new SolveOptions(
            config.solver().engine(),
            Math.max(1, (long) timeLimitMillis),
            config.solver().threads());
    SourcingProblem problem =
        new SourcingProblem(
            offerInputs,
            demands,
            toLimits(limits, errors),
            scenario,
            Boolean.TRUE.equals(request.allowShortfall()),
            request.shortfallPenalty(),
            currency,
            options);
    // The optimizer guards its own input; its field names are mapped back onto the request's.
    for (Violation violation : ProblemValidator.validate(problem)) {
      errors.add(new Problem.FieldError(requestField(violation.field()), violation.message()));
    }
    throwIfAny(errors);
    return new Assembled(problem, currency, request.policyId(), asOf, stateless);
  }

  private static String requestField(String optimizerField) {
    if (optimizerField.startsWith("demands")) {
      return "demand" + optimizerField.substring("demands".length());
    }
    if (optimizerField.startsWith("limits.")) {
      return "policy." + optimizerField.substring("limits.".length());
    }
    return optimizerField;
  }

  private static List<Demand> demands(List<DemandLine> lines, List<Problem.FieldError> errors) {
    List<Demand> demands = new ArrayList<>(lines.size());
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      DemandLine line = lines.get(i);
      if (!seen.add(line.material())) {
        errors.add(
            new Problem.FieldError(
                "demand[" + i + "].material",
                "material '" + line.material() + "' appears in more than one demand line"));
      }
      demands.add(new Demand(line.material(), line.quantity(), line.shortfallPenalty()));
    }
    return demands;
  }

  private PolicyLimits policy(PlanRequest request, List<Problem.FieldError> errors) {
    PolicyLimits base = PolicyLimits.NONE;
    if (request.policyId() != null) {
      var stored = policies.effectiveLimits(request.policyId());
      if (stored.isEmpty()) {
        errors.add(
            new Problem.FieldError(
                "policyId",
                "no stored policy or preset '"
                    + request.policyId()
                    + "' (see /v1/sourcing-policies and /v1/policy-presets)"));
        return base;
      }
      base = stored.get();
    }
    if (request.policy() != null) {
      errors.addAll(policies.validate(request.policy(), "policy."));
    }
    return base.overriddenBy(request.policy());
  }

  private static Scenario scenario(ScenarioRequest scenario, List<Problem.FieldError> errors) {
    if (scenario == null) {
      return Scenario.NONE;
    }
    return new Scenario(
        scenario.unavailableCountries() == null
            ? null
            : new HashSet<>(scenario.unavailableCountries()),
        scenario.unavailableSuppliers() == null
            ? null
            : new HashSet<>(scenario.unavailableSuppliers()),
        factors(scenario.capacityFactors(), "scenario.capacityFactors", errors),
        factors(scenario.priceFactors(), "scenario.priceFactors", errors));
  }

  private static List<Factor> factors(
      List<FactorRequest> requests, String field, List<Problem.FieldError> errors) {
    if (requests == null) {
      return null;
    }
    List<Factor> factors = new ArrayList<>(requests.size());
    Set<String> targetsSeen = new HashSet<>();
    for (int i = 0; i < requests.size(); i++) {
      FactorRequest factor = requests.get(i);
      int targets =
          (factor.offer() != null ? 1 : 0)
              + (factor.supplier() != null ? 1 : 0)
              + (factor.country() != null ? 1 : 0);
      if (targets != 1) {
        errors.add(
            new Problem.FieldError(
                field + "[" + i + "]", "name exactly one of offer, supplier or country"));
        continue;
      }
      // One factor per target and list: repeated factors would multiply, which nobody means.
      String target =
          factor.offer() != null
              ? "offer " + factor.offer()
              : factor.supplier() != null
                  ? "supplier " + factor.supplier()
                  : "country " + factor.country();
      if (!targetsSeen.add(target)) {
        errors.add(
            new Problem.FieldError(
                field + "[" + i + "]", target + " already has a factor in this list"));
        continue;
      }
      factors.add(new Factor(factor.offer(), factor.supplier(), factor.country(), factor.factor()));
    }
    return factors;
  }

  /**
   * Offers and suppliers that a scenario names must exist: among the inline offers in stateless
   * mode, in master data otherwise (SPEC: an id inside a body that names something missing is a
   * 422).
   */
  private void checkScenarioReferences(
      ScenarioRequest scenario, List<InlineOffer> inline, List<Problem.FieldError> errors) {
    if (scenario == null) {
      return;
    }
    Set<String> supplierIds = new HashSet<>();
    Set<String> offerIds = new HashSet<>();
    if (scenario.unavailableSuppliers() != null) {
      supplierIds.addAll(scenario.unavailableSuppliers());
    }
    for (List<FactorRequest> list :
        Arrays.asList(scenario.capacityFactors(), scenario.priceFactors())) {
      if (list != null) {
        for (FactorRequest factor : list) {
          if (factor.supplier() != null) {
            supplierIds.add(factor.supplier());
          }
          if (factor.offer() != null) {
            offerIds.add(factor.offer());
          }
        }
      }
    }
    if (supplierIds.isEmpty() && offerIds.isEmpty()) {
      return;
    }
    Set<String> knownSuppliers = new HashSet<>();
    Set<String> knownOffers = new HashSet<>();
    if (inline != null) {
      for (InlineOffer offer : inline) {
        knownOffers.add(offer.id());
        knownSuppliers.add(offer.supplier().id());
      }
    } else {
      knownSuppliers.addAll(existing("Supplier", supplierIds));
      knownOffers.addAll(existing("Offer", offerIds));
    }
    String where = inline != null ? " among the request's offers" : "";
    if (scenario.unavailableSuppliers() != null) {
      for (int i = 0; i < scenario.unavailableSuppliers().size(); i++) {
        String id = scenario.unavailableSuppliers().get(i);
        if (!knownSuppliers.contains(id)) {
          errors.add(
              new Problem.FieldError(
                  "scenario.unavailableSuppliers[" + i + "]",
                  "supplier '" + id + "' does not exist" + where));
        }
      }
    }
    factorReferences(
        scenario.capacityFactors(),
        "scenario.capacityFactors",
        knownSuppliers,
        knownOffers,
        where,
        errors);
    factorReferences(
        scenario.priceFactors(),
        "scenario.priceFactors",
        knownSuppliers,
        knownOffers,
        where,
        errors);
  }

  private static void factorReferences(
      List<FactorRequest> factors,
      String field,
      Set<String> suppliers,
      Set<String> offers,
      String where,
      List<Problem.FieldError> errors) {
    if (factors == null) {
      return;
    }
    for (int i = 0; i < factors.size(); i++) {
      FactorRequest factor = factors.get(i);
      if (factor.supplier() != null && !suppliers.contains(factor.supplier())) {
        errors.add(
            new Problem.FieldError(
                field + "[" + i + "].supplier",
                "supplier '" + factor.supplier() + "' does not exist" + where));
      }
      if (factor.offer() != null && !offers.contains(factor.offer())) {
        errors.add(
            new Problem.FieldError(
                field + "[" + i + "].offer",
                "offer '" + factor.offer() + "' does not exist" + where));
      }
    }
  }

  private Set<String> existing(String entity, Set<String> ids) {
    return new HashSet<>(
        InChunks.query(
            ids,
            chunk ->
                materials
                    .getEntityManager()
                    .createQuery(
                        "select e.id from " + entity + " e where e.id in :ids", String.class)
                    .setParameter("ids", chunk)
                    .getResultList()));
  }

  private List<OfferInput> inlineOffers(
      List<InlineOffer> inline,
      Set<String> demanded,
      String currency,
      LocalDate asOf,
      List<Problem.FieldError> errors) {
    int max = config.plans().maxOffers();
    if (inline.size() > max) {
      errors.add(
          new Problem.FieldError(
              "offers", "at most " + max + " offers per plan request, got " + inline.size()));
      return List.of();
    }
    List<OfferInput> result = new ArrayList<>(inline.size());
    Set<String> ids = new HashSet<>(inline.size() * 2);
    Map<String, String> supplierCountries = new HashMap<>();
    for (int i = 0; i < inline.size() && errors.size() < MAX_ERRORS; i++) {
      InlineOffer offer = inline.get(i);
      String at = "offers[" + i + "]";
      int before = errors.size();
      InlineOfferChecks.check(offer, at, errors);
      if (errors.size() > before) {
        continue;
      }
      if (!ids.add(offer.id())) {
        errors.add(new Problem.FieldError(at + ".id", "duplicate offer id '" + offer.id() + "'"));
      }
      String supplierCountry =
          supplierCountries.putIfAbsent(offer.supplier().id(), offer.supplier().country());
      if (supplierCountry != null && !supplierCountry.equals(offer.supplier().country())) {
        errors.add(
            new Problem.FieldError(
                at + ".supplier.country",
                "supplier '"
                    + offer.supplier().id()
                    + "' is given with two countries: "
                    + supplierCountry
                    + " and "
                    + offer.supplier().country()));
      }
      if (offer.currency() != null && !offer.currency().equals(currency)) {
        errors.add(
            new Problem.FieldError(
                at + ".currency",
                "priced in "
                    + offer.currency()
                    + " but the request is in "
                    + currency
                    + "; currency conversion is not supported"));
      }
      OfferRules.check(offer.origins(), offer.validFrom(), offer.validTo(), at + ".", errors);
      boolean valid = OfferRules.validOn(offer.validFrom(), offer.validTo(), asOf);
      if (demanded.contains(offer.material()) && valid) {
        result.add(
            new OfferInput(
                offer.id(),
                offer.supplier().id(),
                offer.material(),
                offer.country() != null ? offer.country() : offer.supplier().country(),
                offer.capacity(),
                offer.unitPrice(),
                offer.origins() == null ? Map.of() : offer.origins()));
      }
    }
    return result;
  }

  private List<OfferInput> storedOffers(
      List<DemandLine> lines,
      Set<String> demanded,
      String currency,
      LocalDate asOf,
      List<Problem.FieldError> errors) {
    Set<String> known =
        new HashSet<>(
            materials
                .getEntityManager()
                .createQuery("select m.id from Material m where m.id in :ids", String.class)
                .setParameter("ids", demanded)
                .getResultList());
    for (int i = 0; i < lines.size(); i++) {
      if (!known.contains(lines.get(i).material())) {
        errors.add(
            new Problem.FieldError(
                "demand[" + i + "].material",
                "material '" + lines.get(i).material() + "' does not exist"));
      }
    }
    if (!errors.isEmpty()) {
      return List.of();
    }
    int max = config.plans().maxOffers();
    long valid = offers.countValidOn(demanded, asOf);
    if (valid > max) {
      errors.add(
          new Problem.FieldError(
              "demand",
              "the demanded materials have "
                  + valid
                  + " valid offers, more than the maximum of "
                  + max));
      return List.of();
    }
    List<Offer> stored = offers.validOn(demanded, asOf);
    List<OfferInput> result = new ArrayList<>(stored.size());
    for (Offer offer : stored) {
      if (!offer.currency.equals(currency) && errors.size() < MAX_ERRORS) {
        errors.add(
            new Problem.FieldError(
                "currency",
                "offer '"
                    + offer.id
                    + "' is priced in "
                    + offer.currency
                    + " but the request is in "
                    + currency
                    + "; currency conversion is not supported"));
      }
      result.add(
          new OfferInput(
              offer.id,
              offer.supplierId,
              offer.materialId,
              offer.country,
              offer.capacity,
              offer.unitPrice,
              offer.origins == null ? Map.of() : new TreeMap<>(offer.origins)));
    }
    return result;
  }

  private Limits toLimits(PolicyLimits limits, List<Problem.FieldError> errors) {
    List<CountryLimit> countryLimits = new ArrayList<>();
    if (limits.countryLimits() != null) {
      for (var limit : limits.countryLimits()) {
        countryLimits.add(
            new CountryLimit(limit.country(), limit.stage(), limit.material(), limit.maxShare()));
      }
    }
    List<GroupLimit> groupLimits = new ArrayList<>();
    if (limits.groupLimits() != null) {
      for (var limit : limits.groupLimits()) {
        Optional<Set<String>> countries = groups.countries(limit.group());
        if (countries.isEmpty()) {
          // Inline limits were checked already: this group is named by the stored policy.
          errors.add(
              new Problem.FieldError(
                  "policyId",
                  "the policy names country group '"
                      + limit.group()
                      + "', which no longer exists"));
          continue;
        }
        groupLimits.add(
            new GroupLimit(
                limit.group(),
                countries.get(),
                limit.maxShare(),
                limit.minShare(),
                limit.stage(),
                limit.material()));
      }
    }
    return new Limits(
        limits.maxCountryShare(),
        countryLimits,
        groupLimits,
        limits.maxSupplierShare(),
        limits.excludedCountries() == null ? null : new HashSet<>(limits.excludedCountries()));
  }

  private static void throwIfAny(List<Problem.FieldError> errors) {
    if (!errors.isEmpty()) {
      throw ApiException.invalid(
          errors.size() > MAX_ERRORS ? errors.subList(0, MAX_ERRORS) : errors);
    }
  }
}
