package com.critmin.sourcing.optimizer;

import com.critmin.sourcing.optimizer.model.CountryLimit;
import com.critmin.sourcing.optimizer.model.Demand;
import com.critmin.sourcing.optimizer.model.Engine;
import com.critmin.sourcing.optimizer.model.Factor;
import com.critmin.sourcing.optimizer.model.GroupLimit;
import com.critmin.sourcing.optimizer.model.Limits;
import com.critmin.sourcing.optimizer.model.OfferInput;
import com.critmin.sourcing.optimizer.model.Scenario;
import com.critmin.sourcing.optimizer.model.SolveOptions;
import com.critmin.sourcing.optimizer.model.SourcingProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** Seeded random instances for property tests: general ones and laminar ones. */
final class RandomProblems {
  static final String[] COUNTRIES = {"CN", "AU", "US", "MM", "MY"};
  static final String[] STAGES = {"MINING", "SEPARATION"};
  static final String[] MATERIALS = {"NDPR_OXIDE", "DY_OXIDE", "TB_OXIDE"};

  private RandomProblems() {}

  static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  static String pick(Random r, String[] values) {
    return values[r.nextInt(values.length)];
  }

  /** Any limit kind, stages with unknown origins, exclusions, scenarios, shortfall. */
  static SourcingProblem general(long seed, Engine engine, boolean fastPath) {
    Random r = new Random(seed);
    int materials = 1 + r.nextInt(3);
    List<OfferInput> offers = new ArrayList<>();
    List<Demand> demands = new ArrayList<>();
    for (int m = 0; m < materials; m++) {
      String material = MATERIALS[m];
      int count = 1 + r.nextInt(10);
      double capacity = 0;
      for (int i = 0; i < count; i++) {
        Map<String, String> origins = new HashMap<>();
        for (String stage : STAGES)
          if (r.nextDouble() < 0.5) origins.put(stage, pick(r, COUNTRIES));
        double cap = 1 + r.nextInt(100);
        capacity += cap;
        offers.add(
            new OfferInput(
                material + "-" + i,
                "s" + r.nextInt(5),
                material,
                pick(r, COUNTRIES),
                cap,
                round(1 + 99 * r.nextDouble()),
                origins));
      }
      Double penalty = r.nextDouble() < 0.2 ? round(1 + 150 * r.nextDouble()) : null;
      demands.add(
          new Demand(
              material, Math.max(1, Math.round(capacity * (0.2 + 0.8 * r.nextDouble()))), penalty));
    }
    Map<String, CountryLimit> countryLimits = new HashMap<>();
    for (int k = r.nextInt(4); k > 0; k--) {
      String country = r.nextDouble() < 0.15 ? "ZZ" : pick(r, COUNTRIES);
      String stage = r.nextBoolean() ? null : r.nextBoolean() ? "SUPPLY" : pick(r, STAGES);
      String material = r.nextBoolean() ? null : pick(r, MATERIALS);
      countryLimits.put(
          country + stage + material,
          new CountryLimit(country, stage, material, round(0.2 + 0.8 * r.nextDouble())));
    }
    List<GroupLimit> groups = new ArrayList<>();
    for (int k = r.nextInt(3); k > 0; k--) {
      Set<String> members = new HashSet<>();
      for (String c : COUNTRIES) if (r.nextDouble() < 0.4) members.add(c);
      if (members.isEmpty()) members.add("CN");
      Double max = r.nextBoolean() ? round(0.3 + 0.7 * r.nextDouble()) : null;
      Double min = max == null || r.nextDouble() < 0.3 ? round(0.3 * r.nextDouble()) : null;
      if (max == null && min == null) max = 0.8;
      if (max != null && min != null && min > max) min = max;
      groups.add(
          new GroupLimit("G" + k, members, max, min, r.nextBoolean() ? null : "SUPPLY", null));
    }
    Set<String> excluded = r.nextDouble() < 0.2 ? Set.of(pick(r, COUNTRIES)) : Set.of();
    Limits limits =
        new Limits(
            r.nextBoolean() ? round(0.3 + 0.7 * r.nextDouble()) : null,
            new ArrayList<>(countryLimits.values()),
            groups,
            r.nextDouble() < 0.3 ? round(0.3 + 0.7 * r.nextDouble()) : null,
            excluded);
    List<Factor> capacityFactors = new ArrayList<>();
    List<Factor> priceFactors = new ArrayList<>();
    if (r.nextDouble() < 0.3)
      capacityFactors.add(Factor.ofSupplier("s" + r.nextInt(5), round(r.nextDouble() * 1.5)));
    if (r.nextDouble() < 0.3)
      priceFactors.add(Factor.ofCountry(pick(r, COUNTRIES), round(0.5 + r.nextDouble())));
    if (r.nextDouble() < 0.2) priceFactors.add(Factor.ofOffer(offers.get(0).id(), 1.5));
    Scenario scenario =
        new Scenario(
            r.nextDouble() < 0.1 ? Set.of(pick(r, COUNTRIES)) : Set.of(),
            r.nextDouble() < 0.1 ? Set.of("s" + r.nextInt(5)) : Set.of(),
            capacityFactors,
            priceFactors);
    boolean shortfall = r.nextDouble() < 0.3;
    return new SourcingProblem(
        offers,
        demands,
        limits,
        scenario,
        shortfall,
        shortfall && r.nextBoolean() ? round(1 + 200 * r.nextDouble()) : null,
        "USD",
        new SolveOptions(engine, 30_000, 1, fastPath));
  }

  /**
   * Laminar: SUPPLY-only country caps and supplier caps, every supplier in one country; no origins,
   * no groups. Ties in price are frequent on purpose (degenerate optima).
   */
  static SourcingProblem laminar(long seed, boolean fastPath) {
    Random r = new Random(seed);
    int count = 1 + r.nextInt(25);
    List<OfferInput> offers = new ArrayList<>();
    String[] supplierCountry = new String[8];
    for (int s = 0; s < supplierCountry.length; s++) supplierCountry[s] = pick(r, COUNTRIES);
    double capacity = 0;
    for (int i = 0; i < count; i++) {
      int s = r.nextInt(supplierCountry.length);
      double cap = 1 + r.nextInt(100);
      capacity += cap;
      offers.add(
          new OfferInput(
              "o" + i, "s" + s, "NDPR_OXIDE", supplierCountry[s], cap, 1 + r.nextInt(40), null));
    }
    List<CountryLimit> countryLimits = new ArrayList<>();
    for (String c : COUNTRIES) {
      if (r.nextDouble() < 0.3) {
        countryLimits.add(
            new CountryLimit(
                c, r.nextBoolean() ? null : "SUPPLY", null, round(0.1 + 0.9 * r.nextDouble())));
      }
    }
    boolean shortfall = r.nextDouble() < 0.4;
    Limits limits =
        new Limits(
            r.nextBoolean() ? round(0.2 + 0.8 * r.nextDouble()) : null,
            countryLimits,
            null,
            r.nextDouble() < 0.5 ? round(0.1 + 0.9 * r.nextDouble()) : null,
            null);
    return new SourcingProblem(
        offers,
        List.of(
            new Demand(
                "NDPR_OXIDE", Math.max(1, Math.round(capacity * (0.1 + 0.9 * r.nextDouble()))))),
        limits,
        null,
        shortfall,
        shortfall && r.nextBoolean() ? (double) (1 + r.nextInt(50)) : null,
        "USD",
        new SolveOptions(Engine.GLOP, 30_000, 1, fastPath));
  }
}
