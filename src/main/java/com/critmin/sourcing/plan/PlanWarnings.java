package com.critmin.sourcing.plan;

import com.critmin.sourcing.optimizer.model.CountryLimit;
import com.critmin.sourcing.optimizer.model.CountryOutage;
import com.critmin.sourcing.optimizer.model.Demand;
import com.critmin.sourcing.optimizer.model.GroupLimit;
import com.critmin.sourcing.optimizer.model.Limits;
import com.critmin.sourcing.optimizer.model.OfferInput;
import com.critmin.sourcing.optimizer.model.SourcingProblem;
import com.critmin.sourcing.plan.api.FactorRequest;
import com.critmin.sourcing.plan.api.PlanWarning;
import com.critmin.sourcing.plan.api.PlanWarning.Code;
import com.critmin.sourcing.plan.api.ScenarioRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a plan says instead of staying silent (SPEC section 3: a limit that matches nothing is
 * reported, never dropped silently): limits and scenario entries that apply to nothing among the
 * offers solved, a plan under no limit at all, and demand that no offer can meet.
 */
final class PlanWarnings {
  private static final String SUPPLY = "SUPPLY";

  private final List<PlanWarning> warnings = new ArrayList<>();
  private final Map<String, Set<String>> stagesByMaterial = new HashMap<>();
  private final Set<String> supplyCountries = new HashSet<>();

  private PlanWarnings(SourcingProblem solved) {
    for (Demand demand : solved.demands()) {
      stagesByMaterial.put(demand.material(), new HashSet<>());
    }
    for (OfferInput offer : solved.offers()) {
      Set<String> stages = stagesByMaterial.get(offer.material());
      if (stages != null) {
        stages.add(SUPPLY);
        stages.addAll(offer.origins().keySet());
      }
      supplyCountries.add(offer.country());
    }
  }

  /**
   * The warnings of a plan about to be solved. {@code countryLimitsField} and {@code
   * groupLimitsField} name where the limits came from: {@code policy.countryLimits} when given
   * inline, null when they are the stored policy's (then named as {@code policyId}).
   */
  static List<PlanWarning> of(
      SourcingProblem solved,
      ScenarioRequest scenario,
      String countryLimitsField,
      String groupLimitsField,
      List<PlanWarning> scenarioReferences) {
    PlanWarnings plan = new PlanWarnings(solved);
    plan.demand(solved.demands());
    boolean anyLimit = plan.limits(solved.limits(), countryLimitsField, groupLimitsField);
    if (!anyLimit) {
      plan.add(
          Code.NO_LIMITS,
          "policy",
          "no concentration limit applies to this plan: it buys at the lowest cost whatever the"
              + " countries; name a policy (policyId) or give limits (policy)");
    }
    plan.scenario(scenario, solved.offers());
    plan.warnings.addAll(scenarioReferences);
    return List.copyOf(plan.warnings);
  }

  private void add(Code code, String field, String message) {
    warnings.add(new PlanWarning(code, field, message));
  }

  private void demand(List<Demand> demands) {
    for (int i = 0; i < demands.size(); i++) {
      Demand demand = demands.get(i);
      if (demand.quantity() > 0 && stagesByMaterial.get(demand.material()).isEmpty()) {
        add(
            Code.NO_OFFERS,
            "demand[" + i + "].material",
            "no offer of "
                + demand.material()
                + " is available to this plan: its demand is unmet (the plan is INFEASIBLE unless"
                + " allowShortfall is true)");
      }
    }
  }

  /** Warns of the limits that match nothing; true when some limit applies. */
  private boolean limits(Limits limits, String countryField, String groupField) {
    boolean any =
        (limits.maxCountryShare() != null && limits.maxCountryShare() < 1)
            || (limits.maxSupplierShare() != null && limits.maxSupplierShare() < 1)
            || !limits.excludedCountries().isEmpty();
    List<CountryLimit> countryLimits = limits.countryLimits();
    for (int i = 0; i < countryLimits.size(); i++) {
      CountryLimit limit = countryLimits.get(i);
      String field = field(countryField, "countryLimits", i);
      if (matches(limit.material(), limit.stage(), field)) {
        any |= limit.maxShare() < 1;
      }
    }
    List<GroupLimit> groupLimits = limits.groupLimits();
    for (int i = 0; i < groupLimits.size(); i++) {
      GroupLimit limit = groupLimits.get(i);
      String field = field(groupField, "groupLimits", i);
      if (matches(limit.material(), limit.stage(), field)) {
        any |=
            (limit.maxShare() != null && limit.maxShare() < 1)
                || (limit.minShare() != null && limit.minShare() > 0);
      }
    }
    return any;
  }

  private static String field(String inline, String list, int index) {
    return inline != null ? inline + "[" + index + "]" : "policyId";
  }

  /** Whether a limit for this material (null: all) and stage (null: all) applies to something. */
  private boolean matches(String material, String stage, String field) {
    String which = field.equals("policyId") ? "a limit of the stored policy" : "this limit";
    if (material != null && !stagesByMaterial.containsKey(material)) {
      add(
          Code.LIMIT_MATCHES_NOTHING,
          field,
          which + " names material " + material + ", which this plan does not demand");
      return false;
    }
    if (stage == null) {
      return true;
    }
    Set<String> materials = material != null ? Set.of(material) : stagesByMaterial.keySet();
    for (String m : materials) {
      if (stagesByMaterial.get(m).contains(stage)) {
        return true;
      }
    }
    add(
        Code.LIMIT_MATCHES_NOTHING,
        field,
        "no offer of "
            + (material != null
                ? material
                : String.join(" or ", new java.util.TreeSet<>(materials)))
            + " has stage "
            + stage
            + ": "
            + which
            + " applies to nothing in this plan");
    return false;
  }

  /** Countries a scenario names that no offer of the plan has. */
  private void scenario(ScenarioRequest scenario, List<OfferInput> offers) {
    if (scenario == null) {
      return;
    }
    List<String> unavailable = scenario.unavailableCountries();
    for (int i = 0; unavailable != null && i < unavailable.size(); i++) {
      if (!supplyCountries.contains(unavailable.get(i))) {
        add(
            Code.SCENARIO_MATCHES_NOTHING,
            "scenario.unavailableCountries[" + i + "]",
            "no offer of this plan ships from "
                + unavailable.get(i)
                + " (its SUPPLY country): this entry changes nothing; countryOutages makes a"
                + " country unavailable at every stage");
      }
    }
    factorCountries(scenario.capacityFactors(), "scenario.capacityFactors");
    factorCountries(scenario.priceFactors(), "scenario.priceFactors");
    var outages = scenario.countryOutages();
    for (int i = 0; outages != null && i < outages.size(); i++) {
      var request = outages.get(i);
      CountryOutage outage =
          new CountryOutage(
              request.country(), request.stages() == null ? null : new HashSet<>(request.stages()));
      boolean hits = false;
      for (int k = 0; k < offers.size() && !hits; k++) {
        hits = outage.hits(offers.get(k).country(), offers.get(k).origins());
      }
      if (!hits) {
        add(
            Code.SCENARIO_MATCHES_NOTHING,
            "scenario.countryOutages[" + i + "]",
            "no offer of this plan has "
                + request.country()
                + (outage.stages().isEmpty() ? " at any stage" : " at " + outage.stages())
                + ": this entry changes nothing");
      }
    }
  }

  private void factorCountries(List<FactorRequest> factors, String field) {
    for (int i = 0; factors != null && i < factors.size(); i++) {
      String country = factors.get(i).country();
      if (country != null && !supplyCountries.contains(country)) {
        add(
            Code.SCENARIO_MATCHES_NOTHING,
            field + "[" + i + "].country",
            "no offer of this plan ships from " + country + ": this factor changes nothing");
      }
    }
  }
}
