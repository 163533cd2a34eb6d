package com.critmin.sourcing.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.critmin.sourcing.optimizer.model.Allocation;
import com.critmin.sourcing.optimizer.model.Demand;
import com.critmin.sourcing.optimizer.model.MaterialResult;
import com.critmin.sourcing.optimizer.model.OfferInput;
import com.critmin.sourcing.optimizer.model.Solution;
import com.critmin.sourcing.optimizer.model.SourcingProblem;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Checks a plan against every award rule straight from the problem, without the solver: minimum
 * orders, whole lots, supplier counts per material, the fixed costs paid (exactly those of the
 * suppliers with an award) and each material's awarded suppliers; then {@link PlanChecker} for the
 * policy. Returns the objective.
 */
final class AwardRulesChecker {
  private AwardRulesChecker() {}

  static double check(SourcingProblem p, Solution s) {
    Map<String, OfferInput> byId = new HashMap<>();
    for (OfferInput o : p.offers()) byId.put(o.id(), o);
    Map<String, TreeSet<String>> awarded = new HashMap<>();
    TreeSet<String> paid = new TreeSet<>();
    for (Allocation a : s.allocations()) {
      OfferInput o = byId.get(a.offerId());
      double q = a.quantity();
      double tol = 1e-6 * Math.max(1, q);
      if (o.minQuantity() != null)
        assertThat(q)
            .as("minimum order of %s", o.id())
            .isGreaterThanOrEqualTo(o.minQuantity() - tol);
      if (o.lotSize() != null) {
        double lots = q / o.lotSize();
        assertThat(lots).as("whole lots of %s", o.id()).isCloseTo(Math.rint(lots), offset(1e-6));
      }
      awarded.computeIfAbsent(o.material(), m -> new TreeSet<>()).add(o.supplierId());
      if (p.supplierFixedCosts().getOrDefault(o.supplierId(), 0.0) > 0) paid.add(o.supplierId());
    }
    double fixed = 0;
    for (String supplier : paid) fixed += p.supplierFixedCosts().get(supplier);
    assertThat(s.fixedCosts())
        .as("fixed costs paid")
        .isCloseTo(fixed, offset(1e-6 * Math.max(1, fixed)));
    for (Demand d : p.demands()) {
      TreeSet<String> suppliers = awarded.getOrDefault(d.material(), new TreeSet<>());
      if (d.quantity() > 0 && p.limits().minSuppliers() != null)
        assertThat(suppliers.size())
            .as("minSuppliers of %s", d.material())
            .isGreaterThanOrEqualTo(p.limits().minSuppliers());
      if (p.limits().maxSuppliers() != null)
        assertThat(suppliers.size())
            .as("maxSuppliers of %s", d.material())
            .isLessThanOrEqualTo(p.limits().maxSuppliers());
      MaterialResult r =
          s.materials().stream()
              .filter(mr -> mr.material().equals(d.material()))
              .findFirst()
              .orElseThrow();
      assertThat(r.awardedSuppliers()).containsExactlyElementsOf(suppliers);
    }
    return PlanChecker.check(p, s);
  }
}
