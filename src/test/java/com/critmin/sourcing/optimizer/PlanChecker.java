package com.critmin.sourcing.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import com.critmin.sourcing.optimizer.model.Allocation;
import com.critmin.sourcing.optimizer.model.CountryLimit;
import com.critmin.sourcing.optimizer.model.Demand;
import com.critmin.sourcing.optimizer.model.Factor;
import com.critmin.sourcing.optimizer.model.GroupLimit;
import com.critmin.sourcing.optimizer.model.MaterialResult;
import com.critmin.sourcing.optimizer.model.OfferInput;
import com.critmin.sourcing.optimizer.model.Solution;
import com.critmin.sourcing.optimizer.model.SourcingProblem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Checks a plan against SPEC section 3 straight from the problem, without the optimizer's compiled
 * model: capacity, demand, every country cap at every stage (ZZ included), group caps and minimums,
 * supplier caps, prices and costs. Returns the objective (purchase cost, fixed costs paid and
 * shortfall penalties).
 */
final class PlanChecker {
  private PlanChecker() {}

  static double product(List<Factor> factors, OfferInput o) {
    double k = 1;
    for (Factor f : factors) {
      if (o.id().equals(f.offer())
          || o.supplierId().equals(f.supplier())
          || o.country().equals(f.country())) {
        k *= f.factor();
      }
    }
    return k;
  }

  static double share(SourcingProblem p, String country, String stage, String material) {
    CountryLimit best = null;
    int bestRank = -1;
    for (CountryLimit l : p.limits().countryLimits()) {
      if (!l.country().equals(country)) continue;
      if (l.stage() != null && !l.stage().equals(stage)) continue;
      if (l.material() != null && !l.material().equals(material)) continue;
      int rank = (l.stage() != null ? 2 : 0) + (l.material() != null ? 1 : 0);
      if (rank > bestRank) {
        best = l;
        bestRank = rank;
      }
    }
    if (best != null) return best.maxShare();
    return p.limits().maxCountryShare() == null ? 1.0 : p.limits().maxCountryShare();
  }

  static String countryAt(OfferInput o, String stage) {
    return stage.equals("SUPPLY") ? o.country() : o.origins().getOrDefault(stage, "ZZ");
  }

  static double check(SourcingProblem p, Solution s) {
    Map<String, Double> x = new HashMap<>();
    Map<String, OfferInput> byId = new HashMap<>();
    for (OfferInput o : p.offers()) byId.put(o.id(), o);
    double total = 0;
    for (Allocation a : s.allocations()) {
      OfferInput o = byId.get(a.offerId());
      assertThat(a.quantity()).isPositive();
      assertThat(x.put(a.offerId(), a.quantity())).as("one allocation per offer").isNull();
      double price = o.unitPrice() * product(p.scenario().priceFactors(), o);
      assertThat(a.unitPrice())
          .isCloseTo(price, org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, price)));
      assertThat(a.cost())
          .isCloseTo(
              a.quantity() * price,
              org.assertj.core.data.Offset.offset(1e-6 * Math.max(1, a.cost())));
      total += a.quantity() * price;
    }
    // Award rules add the fixed costs paid (0 without them): AwardRulesChecker checks which.
    assertThat(s.totalCost() - s.fixedCosts())
        .isCloseTo(total, org.assertj.core.data.Offset.offset(1e-6 * Math.max(1, total)));

    double objective = total + s.fixedCosts();
    for (Demand d : p.demands()) {
      String m = d.material();
      double demand = d.quantity();
      double tol = 1e-6 * Math.max(1, demand);
      List<OfferInput> offers = p.offers().stream().filter(o -> o.material().equals(m)).toList();
      double bought = 0;
      double maxPrice = 0;
      for (OfferInput o : offers) {
        boolean excluded =
            p.limits().excludedCountries().contains(o.country())
                || o.origins().values().stream().anyMatch(p.limits().excludedCountries()::contains);
        boolean unavailable =
            p.scenario().unavailableSuppliers().contains(o.supplierId())
                || p.scenario().unavailableCountries().contains(o.country());
        double k = excluded || unavailable ? 0 : product(p.scenario().capacityFactors(), o);
        double q = x.getOrDefault(o.id(), 0.0);
        assertThat(q).as("capacity of %s", o.id()).isLessThanOrEqualTo(k * o.capacity() + tol);
        bought += q;
        if (k * o.capacity() > 0)
          maxPrice = Math.max(maxPrice, o.unitPrice() * product(p.scenario().priceFactors(), o));
      }
      assertThat(bought).as("demand of %s", m).isLessThanOrEqualTo(demand + tol);
      if (!p.allowShortfall())
        assertThat(bought).as("demand of %s", m).isGreaterThanOrEqualTo(demand - tol);
      double penalty =
          d.shortfallPenalty() != null
              ? d.shortfallPenalty()
              : p.shortfallPenalty() != null
                  ? p.shortfallPenalty()
                  : maxPrice > 0 ? 10 * maxPrice : 1;
      objective += penalty * Math.max(0, demand - bought);

      TreeSet<String> stages = new TreeSet<>();
      stages.add("SUPPLY");
      offers.forEach(o -> stages.addAll(o.origins().keySet()));
      for (String g : stages) {
        Map<String, Double> byCountry = new HashMap<>();
        for (OfferInput o : offers)
          byCountry.merge(countryAt(o, g), x.getOrDefault(o.id(), 0.0), Double::sum);
        for (var e : byCountry.entrySet()) {
          assertThat(e.getValue())
              .as("cap %s at %s for %s", e.getKey(), g, m)
              .isLessThanOrEqualTo(share(p, e.getKey(), g, m) * demand + tol);
        }
        for (GroupLimit gl : p.limits().groupLimits()) {
          if (gl.material() != null && !gl.material().equals(m)) continue;
          if (gl.stage() != null && !gl.stage().equals(g)) continue;
          double inGroup = 0;
          for (OfferInput o : offers) {
            if (gl.countries().contains(countryAt(o, g))) inGroup += x.getOrDefault(o.id(), 0.0);
          }
          if (gl.maxShare() != null)
            assertThat(inGroup).isLessThanOrEqualTo(gl.maxShare() * demand + tol);
          if (gl.minShare() != null)
            assertThat(inGroup).isGreaterThanOrEqualTo(gl.minShare() * demand - tol);
        }
      }
      if (p.limits().maxSupplierShare() != null) {
        Map<String, Double> bySupplier = new HashMap<>();
        for (OfferInput o : offers)
          bySupplier.merge(o.supplierId(), x.getOrDefault(o.id(), 0.0), Double::sum);
        for (double q : bySupplier.values()) {
          assertThat(q).isLessThanOrEqualTo(p.limits().maxSupplierShare() * demand + tol);
        }
      }
      MaterialResult r =
          s.materials().stream().filter(mr -> mr.material().equals(m)).findFirst().orElseThrow();
      assertThat(r.allocated()).isCloseTo(bought, org.assertj.core.data.Offset.offset(tol));
      assertThat(r.shortfall())
          .isCloseTo(demand - bought, org.assertj.core.data.Offset.offset(tol));
    }
    return objective;
  }
}
