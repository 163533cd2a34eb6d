package com.critmin.sourcing.optimizer;

import com.critmin.sourcing.optimizer.model.CountryLimit;
import com.critmin.sourcing.optimizer.model.Demand;
import com.critmin.sourcing.optimizer.model.Factor;
import com.critmin.sourcing.optimizer.model.GroupLimit;
import com.critmin.sourcing.optimizer.model.Limits;
import com.critmin.sourcing.optimizer.model.OfferInput;
import com.critmin.sourcing.optimizer.model.Scenario;
import com.critmin.sourcing.optimizer.model.SourcingProblem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The invariants the optimizer needs of its input to give a meaningful answer: one demand line per
 * material, unique offer ids, a scenario factor that names exactly one target, finite amounts,
 * shares in [0, 1]. The solver assumes a problem without violations. This is the one place of these
 * rules: the REST layer reports its violations as 422, named by the request's fields; rules the
 * optimizer does not need (such as a group's minimum not above its maximum) are the REST layer's.
 */
public final class ProblemValidator {
  private final List<Violation> violations = new ArrayList<>();

  private ProblemValidator() {}

  public static List<Violation> validate(SourcingProblem problem) {
    ProblemValidator v = new ProblemValidator();
    v.check(problem);
    return List.copyOf(v.violations);
  }

  private void add(String field, String message) {
    violations.add(new Violation(field, message));
  }

  private void text(String field, String value) {
    if (value == null || value.isBlank()) add(field, "must not be blank");
  }

  private void nonNegative(String field, double value) {
    if (!Double.isFinite(value) || value < 0) add(field, "must be a finite number >= 0");
  }

  private void positive(String field, Double value) {
    if (value != null && (!Double.isFinite(value) || value <= 0))
      add(field, "must be a finite number > 0");
  }

  private void share(String field, Double value) {
    if (value != null && (!Double.isFinite(value) || value < 0 || value > 1))
      add(field, "must be a share in [0, 1]");
  }

  private static boolean isValid(OfferInput o) {
    if (isBlank(o.id()) || isBlank(o.supplierId()) || isBlank(o.material()) || isBlank(o.country()))
      return false;
    if (o.hasAwardRules() && !(positive(o.minQuantity()) && positive(o.lotSize()))) return false;
    if (!(Double.isFinite(o.capacity())
        && o.capacity() >= 0
        && Double.isFinite(o.unitPrice())
        && o.unitPrice() >= 0)) {
      return false;
    }
    for (Map.Entry<String, String> e : o.origins().entrySet()) {
      if (e.getKey().isBlank() || "SUPPLY".equals(e.getKey()) || e.getValue().isBlank())
        return false;
    }
    return true;
  }

  /** Absent, or a finite number above 0. */
  private static boolean positive(Double value) {
    return value == null || (Double.isFinite(value) && value > 0);
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  private void check(SourcingProblem problem) {
    Set<String> ids = new HashSet<>();
    List<OfferInput> offers = problem.offers();
    for (int i = 0; i < offers.size(); i++) {
      OfferInput o = offers.get(i);
      boolean duplicate = o.id() != null && !ids.add(o.id());
      // Field names are built only for an offer that fails: requests carry up to 200,000 offers.
      if (!duplicate && isValid(o)) continue;
      String f = "offers[" + i + "]";
      text(f + ".id", o.id());
      if (duplicate) add(f + ".id", "duplicate offer id '" + o.id() + "'");
      text(f + ".supplierId", o.supplierId());
      text(f + ".material", o.material());
      text(f + ".country", o.country());
      nonNegative(f + ".capacity", o.capacity());
      nonNegative(f + ".unitPrice", o.unitPrice());
      positive(f + ".minQuantity", o.minQuantity());
      positive(f + ".lotSize", o.lotSize());
      for (Map.Entry<String, String> e : o.origins().entrySet()) {
        if (e.getKey().isBlank() || "SUPPLY".equals(e.getKey())) {
          add(
              f + ".origins",
              "stage must be a non-blank name other than SUPPLY: '" + e.getKey() + "'");
        }
        if (e.getValue().isBlank()) add(f + ".origins." + e.getKey(), "must not be blank");
      }
    }
    Set<String> materials = new HashSet<>();
    List<Demand> demands = problem.demands();
    if (demands.isEmpty()) add("demands", "must not be empty");
    for (int i = 0; i < demands.size(); i++) {
      Demand d = demands.get(i);
      String f = "demands[" + i + "]";
      text(f + ".material", d.material());
      if (d.material() != null && !materials.add(d.material()))
        add(
            f + ".material",
            "material '" + d.material() + "' appears in more than one demand line");
      nonNegative(f + ".quantity", d.quantity());
      positive(f + ".shortfallPenalty", d.shortfallPenalty());
    }
    positive("shortfallPenalty", problem.shortfallPenalty());
    checkLimits(problem.limits());
    checkAwardRules(problem);
    checkScenario(problem.scenario());
    if (problem.options().timeLimitMillis() < 0) add("options.timeLimitMillis", "must be >= 0");
    if (problem.options().threads() < 0) add("options.threads", "must be >= 0");
  }

  private void checkLimits(Limits limits) {
    share("limits.maxCountryShare", limits.maxCountryShare());
    share("limits.maxSupplierShare", limits.maxSupplierShare());
    Double hhi = limits.maxHhi();
    if (hhi != null && !(hhi >= 0 && hhi <= 10_000)) add("limits.maxHhi", "must be in [0, 10000]");
    for (int i = 0; i < limits.countryLimits().size(); i++) {
      CountryLimit l = limits.countryLimits().get(i);
      String f = "limits.countryLimits[" + i + "]";
      text(f + ".country", l.country());
      share(f + ".maxShare", l.maxShare());
    }
    for (int i = 0; i < limits.groupLimits().size(); i++) {
      GroupLimit g = limits.groupLimits().get(i);
      String f = "limits.groupLimits[" + i + "]";
      text(f + ".group", g.group());
      share(f + ".maxShare", g.maxShare());
      share(f + ".minShare", g.minShare());
    }
    for (String c : limits.excludedCountries())
      if (c.isBlank()) add("limits.excludedCountries", "must not contain blanks");
  }

  private void checkAwardRules(SourcingProblem problem) {
    problem
        .supplierFixedCosts()
        .forEach(
            (supplier, cost) -> {
              if (isBlank(supplier)) add("supplierFixedCosts", "must not contain blank ids");
              nonNegative("supplierFixedCosts." + supplier, cost);
            });
    Integer min = problem.limits().minSuppliers();
    Integer max = problem.limits().maxSuppliers();
    if (min != null && min < 0) add("limits.minSuppliers", "must be >= 0");
    if (max != null && max < 1) add("limits.maxSuppliers", "must be >= 1");
    if (min != null && max != null && min > max)
      add("limits.minSuppliers", "must not exceed maxSuppliers");
    // The HHI cap's tangent cuts live in the LP path's warm re-solves, which a MIP does not have.
    if (problem.limits().maxHhi() != null && problem.hasAwardRules())
      add(
          "limits.maxHhi",
          "cannot be combined with award rules (minQuantity, lotSize, fixedCost, minSuppliers,"
              + " maxSuppliers)");
  }

  private void checkScenario(Scenario scenario) {
    checkFactors("scenario.capacityFactors", scenario.capacityFactors());
    checkFactors("scenario.priceFactors", scenario.priceFactors());
  }

  private void checkFactors(String field, List<Factor> factors) {
    for (int i = 0; i < factors.size(); i++) {
      Factor factor = factors.get(i);
      String f = field + "[" + i + "]";
      int named =
          (factor.offer() != null ? 1 : 0)
              + (factor.supplier() != null ? 1 : 0)
              + (factor.country() != null ? 1 : 0);
      if (named != 1) add(f, "must name exactly one of offer, supplier or country");
      nonNegative(f + ".factor", factor.factor());
    }
  }
}
