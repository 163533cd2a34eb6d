package com.critmin.sourcing.plan;

import com.critmin.sourcing.error.Problem;
import com.critmin.sourcing.optimizer.model.CountryOutage;
import com.critmin.sourcing.optimizer.model.Factor;
import com.critmin.sourcing.optimizer.model.Scenario;
import com.critmin.sourcing.plan.api.FactorRequest;
import com.critmin.sourcing.plan.api.PlanWarning;
import com.critmin.sourcing.plan.api.ScenarioRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A plan request's what-if scenario as the optimizer's {@link Scenario}, factor for factor in the
 * request's order (so the optimizer's violations name the request's fields), and the names it gives
 * checked against the plan's offers.
 */
final class ScenarioMapping {
  private ScenarioMapping() {}

  /**
   * The optimizer's scenario. One factor per target and list: repeated factors would multiply,
   * which nobody means.
   */
  static Scenario toScenario(ScenarioRequest scenario, List<Problem.FieldError> errors) {
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
        factors(scenario.priceFactors(), "scenario.priceFactors", errors),
        scenario.countryOutages() == null
            ? null
            : scenario.countryOutages().stream()
                .map(
                    outage ->
                        new CountryOutage(
                            outage.country(),
                            outage.stages() == null ? null : new HashSet<>(outage.stages())))
                .toList());
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
      // How many targets a factor names is the optimizer's rule (ProblemValidator).
      String target =
          factor.offer() != null
              ? "offer " + factor.offer()
              : factor.supplier() != null
                  ? "supplier " + factor.supplier()
                  : factor.country() != null ? "country " + factor.country() : null;
      if (target != null && !targetsSeen.add(target)) {
        errors.add(
            new Problem.FieldError(
                field + "[" + i + "]", target + " already has a factor in this list"));
      }
      factors.add(new Factor(factor.offer(), factor.supplier(), factor.country(), factor.factor()));
    }
    return factors;
  }

  /**
   * Offers and suppliers that a scenario names: in stored mode they must exist in master data
   * (SPEC: an id inside a body that names something missing is a 422); in stateless mode one that
   * no inline offer has is accepted with a SCENARIO_MATCHES_NOTHING warning, since a standing list
   * (of sanctioned suppliers, say) applies to every request.
   */
  static void checkReferences(
      ScenarioRequest scenario,
      OfferSource offers,
      boolean stateless,
      List<Problem.FieldError> errors,
      List<PlanWarning> warnings) {
    if (scenario == null) {
      return;
    }
    List<Problem.FieldError> found = stateless ? new ArrayList<>() : errors;
    checkReferences(scenario, offers, found);
    if (stateless) {
      for (Problem.FieldError error : found) {
        warnings.add(
            new PlanWarning(
                PlanWarning.Code.SCENARIO_MATCHES_NOTHING,
                error.field(),
                error.message() + ": this entry changes nothing"));
      }
    }
  }

  private static void checkReferences(
      ScenarioRequest scenario, OfferSource offers, List<Problem.FieldError> errors) {
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
    Set<String> knownSuppliers = offers.knownSuppliers(supplierIds);
    Set<String> knownOffers = offers.knownOffers(offerIds);
    String where = offers.where();
    if (scenario.unavailableSuppliers() != null) {
      for (int i = 0; i < scenario.unavailableSuppliers().size(); i++) {
        String id = scenario.unavailableSuppliers().get(i);
        if (!knownSuppliers.contains(id)) {
          errors.add(
              new Problem.FieldError(
                  "scenario.unavailableSuppliers[" + i + "]",
                  "supplier '" + id + "' does not exist" + where + offers.supplierHint(id)));
        }
      }
    }
    factorReferences(
        scenario.capacityFactors(),
        "scenario.capacityFactors",
        knownSuppliers,
        knownOffers,
        offers,
        errors);
    factorReferences(
        scenario.priceFactors(),
        "scenario.priceFactors",
        knownSuppliers,
        knownOffers,
        offers,
        errors);
  }

  private static void factorReferences(
      List<FactorRequest> factors,
      String field,
      Set<String> suppliers,
      Set<String> offers,
      OfferSource source,
      List<Problem.FieldError> errors) {
    String where = source.where();
    if (factors == null) {
      return;
    }
    for (int i = 0; i < factors.size(); i++) {
      FactorRequest factor = factors.get(i);
      if (factor.supplier() != null && !suppliers.contains(factor.supplier())) {
        errors.add(
            new Problem.FieldError(
                field + "[" + i + "].supplier",
                "supplier '"
                    + factor.supplier()
                    + "' does not exist"
                    + where
                    + source.supplierHint(factor.supplier())));
      }
      if (factor.offer() != null && !offers.contains(factor.offer())) {
        errors.add(
            new Problem.FieldError(
                field + "[" + i + "].offer",
                "offer '"
                    + factor.offer()
                    + "' does not exist"
                    + where
                    + source.offerHint(factor.offer())));
      }
    }
  }
}
