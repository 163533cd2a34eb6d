package com.critmin.sourcing.optimizer;

import com.critmin.sourcing.optimizer.model.Basis;
import com.critmin.sourcing.optimizer.model.ConstraintKind;
import com.critmin.sourcing.optimizer.model.Demand;
import com.critmin.sourcing.optimizer.model.Frontier;
import com.critmin.sourcing.optimizer.model.RuleConflict;
import com.critmin.sourcing.optimizer.model.Shock;
import com.critmin.sourcing.optimizer.model.SolveOptions;
import com.critmin.sourcing.optimizer.model.SourcingProblem;
import com.critmin.sourcing.optimizer.model.Status;
import com.critmin.sourcing.optimizer.model.StressTest;
import com.critmin.sourcing.optimizer.model.StressTest.BindingLimit;
import com.critmin.sourcing.optimizer.ortools.WarmLp;
import com.critmin.sourcing.optimizer.part.LaminarGreedy;
import com.critmin.sourcing.optimizer.part.MaterialPart;
import com.critmin.sourcing.optimizer.part.PartResult;
import com.critmin.sourcing.optimizer.part.PolicyRow;
import com.critmin.sourcing.optimizer.part.ProblemCompiler;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which loss hurts most (SPEC section 4, {@code /v1/stress-tests}): the problem solved with
 * shortfall allowed at its usual penalty, then once per shock with the shocked offers' capacity
 * multiplied by the shock's factor. Each material part keeps one warm LP ({@link WarmLp}) across
 * its shocks, changing only the shocked offers' bounds (laminar parts re-run the exact greedy); a
 * part no offer of which a shock touches keeps its baseline answer without a solve. Under award
 * rules the materials the rules solve together are re-solved as a group, by the MIP. Parts run in
 * parallel on the optimizer's shared pool.
 */
public final class StressTester {
  private final SourcingOptimizer optimizer;

  public StressTester(SourcingOptimizer optimizer) {
    this.optimizer = optimizer;
  }

  /**
   * The stress test of {@code problem} (its {@code allowShortfall} is taken as true) under {@code
   * shocks}; null or empty: every country that carries a share of the baseline at any stage.
   */
  public StressTest run(SourcingProblem problem, List<Shock> shocks) {
    long start = System.nanoTime();
    SourcingProblem withShortfall = problem.withShortfallAllowed();
    SolveOptions options = problem.options();
    long deadline = options.deadlineNanos(start);
    Double maxHhi = problem.limits().maxHhi();
    ProblemCompiler compiler = new ProblemCompiler(withShortfall);
    List<Demand> demands = problem.demands();
    int count = demands.size();
    MaterialPart[] parts = optimizer.compileAll(compiler, demands, options.effectiveThreads());
    Solved solved =
        problem.hasAwardRules()
            ? underRules(new AwardSolver(optimizer, withShortfall), parts, shocks, deadline)
            : byLp(parts, options, maxHhi, shocks, deadline);
    List<Shock> applied = solved.applied;
    int n = applied.size();
    PartResult[] baseline = solved.baseline;
    PartResult[][] shocked = solved.shocked;
    int[] solves = solved.solves;
    long[] pivots = solved.pivots;

    StressTest.Outcome base =
        outcome(parts, baseline, solved.baselineFixedCosts, solved.baselineConflicts, maxHhi);
    List<StressTest.ShockOutcome> outcomes = new ArrayList<>(n);
    for (int s = 0; s < n; s++) {
      PartResult[] results = new PartResult[count];
      for (int i = 0; i < count; i++) results[i] = shocked[i][s];
      StressTest.Outcome o =
          outcome(parts, results, solved.fixedCosts[s], solved.conflicts.get(s), maxHhi);
      double delta = o.totalCost() - base.totalCost();
      Double percent = base.totalCost() > 0 ? 100 * delta / base.totalCost() : null;
      List<BindingLimit> newly = new ArrayList<>();
      for (BindingLimit b : o.binding()) {
        if (base.binding().stream().noneMatch(b::sameLimit)) newly.add(b);
      }
      outcomes.add(
          new StressTest.ShockOutcome(
              applied.get(s),
              o,
              SourcingOptimizer.snap(delta, 1e-9 * Math.max(1.0, base.totalCost())),
              percent,
              newly));
    }
    // A shock the policy or rules cannot survive even short is the worst: it ranks first.
    outcomes.sort(
        Comparator.comparing(
                (StressTest.ShockOutcome o) -> o.outcome().status() != Status.INFEASIBLE)
            .thenComparingDouble(o -> -o.outcome().shortfall())
            .thenComparingDouble(o -> -o.costDelta()));
    int totalSolves = count;
    long totalPivots = 0;
    int resolved = 0;
    for (int i = 0; i < count; i++) {
      totalSolves += solves[i];
      totalPivots += pivots[i];
      if (solves[i] > 0) resolved++;
    }
    return new StressTest(
        base,
        outcomes,
        new Frontier.Stats(
            totalSolves, totalPivots, count, resolved, (System.nanoTime() - start) / 1_000_000));
  }

  /**
   * The solves of a stress test: the baseline and each shock's results per part (indexed [part]
   * [shock]), the fixed costs paid in the baseline and under each shock, per part the solves and
   * simplex pivots spent, and the award rules behind an infeasible baseline or shock.
   */
  private record Solved(
      List<Shock> applied,
      PartResult[] baseline,
      double baselineFixedCosts,
      PartResult[][] shocked,
      double[] fixedCosts,
      int[] solves,
      long[] pivots,
      List<RuleConflict> baselineConflicts,
      List<List<RuleConflict>> conflicts) {}

  /**
   * The LP path: each part keeps one warm LP across its shocks, changing only the shocked offers'
   * bounds; laminar parts re-run the exact greedy.
   */
  private Solved byLp(
      MaterialPart[] parts,
      SolveOptions options,
      Double maxHhi,
      List<Shock> shocks,
      long deadline) {
    int count = parts.length;
    PartResult[] baseline = new PartResult[count];
    optimizer.runParallel(
        count,
        options.effectiveThreads(),
        i -> baseline[i] = SourcingOptimizer.solvePart(parts[i], options, deadline, maxHhi));
    List<Shock> applied =
        shocks == null || shocks.isEmpty() ? defaultShocks(parts, baseline) : shocks;
    int n = applied.size();
    PartResult[][] shocked = new PartResult[count][n];
    int[] solves = new int[count];
    long[] pivots = new long[count];
    optimizer.runParallel(
        count,
        options.effectiveThreads(),
        i -> {
          MaterialPart part = parts[i];
          boolean greedy = maxHhi == null && options.fastPath() && LaminarGreedy.applies(part);
          WarmLp lp = null;
          double[] loaded = part.capacity.clone();
          try {
            for (int s = 0; s < n; s++) {
              double[] capacity = shockedCapacity(part, applied.get(s));
              if (capacity == null) {
                shocked[i][s] = baseline[i];
                continue;
              }
              solves[i]++;
              if (greedy) {
                shocked[i][s] = LaminarGreedy.solve(part.withCapacity(capacity));
                continue;
              }
              if (lp == null) lp = WarmLp.open(part, options.engine(), maxHhi);
              // Only bounds that differ from the last solve's cross JNI.
              for (int k = 0; k < part.n; k++) {
                if (capacity[k] != loaded[k]) {
                  lp.setCapacity(k, capacity[k]);
                  loaded[k] = capacity[k];
                }
              }
              shocked[i][s] = lp.solve(deadline);
            }
          } finally {
            if (lp != null) {
              pivots[i] = lp.pivots();
              lp.close();
            }
          }
        });
    List<List<RuleConflict>> none = java.util.Collections.nCopies(n, List.of());
    return new Solved(
        applied, baseline, 0.0, shocked, new double[n], solves, pivots, List.of(), none);
  }

  /**
   * Under award rules: the groups of materials the rules solve together (by the MIP, or the LP
   * where no rule concerns them), each re-solved under every shock that touches one of its offers;
   * the fixed costs paid are part of each outcome's cost.
   */
  private Solved underRules(
      AwardSolver solver, MaterialPart[] parts, List<Shock> shocks, long deadline) {
    int count = parts.length;
    SolveOptions options = solver.options();
    List<int[]> groups = solver.coupled(parts);
    int g = groups.size();
    AwardSolver.Cluster[] base = new AwardSolver.Cluster[g];
    optimizer.runParallel(
        g, options.effectiveThreads(), k -> base[k] = solver.solve(groups.get(k), parts, deadline));
    PartResult[] baseline = new PartResult[count];
    for (AwardSolver.Cluster cluster : base) cluster.spread(baseline);
    List<Shock> applied =
        shocks == null || shocks.isEmpty() ? defaultShocks(parts, baseline) : shocks;
    int n = applied.size();
    AwardSolver.Cluster[][] clusters = new AwardSolver.Cluster[n][g];
    MaterialPart[][] shockedParts = new MaterialPart[n][];
    for (int s = 0; s < n; s++) shockedParts[s] = shockedParts(parts, applied.get(s));
    int[] solves = new int[count];
    optimizer.runParallel(
        n * g,
        options.effectiveThreads(),
        task -> {
          int s = task / g;
          int k = task % g;
          boolean touched = false;
          for (int p : groups.get(k)) touched |= shockedParts[s][p] != parts[p];
          clusters[s][k] =
              touched ? solver.solve(groups.get(k), shockedParts[s], deadline) : base[k];
        });
    PartResult[][] shocked = new PartResult[count][n];
    double[] fixedCosts = new double[n];
    PartResult[] results = new PartResult[count];
    for (int s = 0; s < n; s++) {
      for (int k = 0; k < g; k++) {
        AwardSolver.Cluster cluster = clusters[s][k];
        fixedCosts[s] += cluster.fixedCostsPaid();
        cluster.spread(results);
        if (cluster != base[k]) for (int p : cluster.members()) solves[p]++;
      }
      for (int p = 0; p < count; p++) shocked[p][s] = results[p];
    }
    double baselineFixed = 0;
    for (AwardSolver.Cluster cluster : base) baselineFixed += cluster.fixedCostsPaid();
    List<RuleConflict> baselineConflicts = conflicts(solver, base, parts, deadline);
    List<List<RuleConflict>> conflicts = new ArrayList<>(n);
    for (int s = 0; s < n; s++)
      conflicts.add(conflicts(solver, clusters[s], shockedParts[s], deadline));
    return new Solved(
        applied,
        baseline,
        baselineFixed,
        shocked,
        fixedCosts,
        solves,
        new long[count],
        baselineConflicts,
        conflicts);
  }

  /** The rules that alone make the infeasible groups so (the plan's diagnosis of them). */
  private static List<RuleConflict> conflicts(
      AwardSolver solver, AwardSolver.Cluster[] clusters, MaterialPart[] parts, long deadline) {
    List<RuleConflict> found = new ArrayList<>();
    for (AwardSolver.Cluster cluster : clusters)
      if (cluster.status() == Status.INFEASIBLE)
        found.addAll(solver.conflicts(cluster, parts, deadline));
    return found;
  }

  /** Every part under the shock (those it does not touch as they are). */
  private static MaterialPart[] shockedParts(MaterialPart[] parts, Shock shock) {
    MaterialPart[] shocked = parts.clone();
    for (int p = 0; p < parts.length; p++) {
      double[] capacity = shockedCapacity(parts[p], shock);
      if (capacity != null) shocked[p] = parts[p].withCapacity(capacity);
    }
    return shocked;
  }

  /** Every country with a positive quantity at any stage of the baseline, by quantity. */
  static List<Shock> defaultShocks(MaterialPart[] parts, PartResult[] baseline) {
    Map<String, Double> quantity = new TreeMap<>();
    for (int i = 0; i < parts.length; i++) {
      MaterialPart part = parts[i];
      PartResult r = baseline[i];
      if (r.x == null) continue;
      double noise = 1e-9 * Math.max(1.0, part.demand);
      for (int g = 0; g < part.stages.length; g++) {
        for (int k = 0; k < part.n; k++) {
          if (r.x[k] <= noise) continue;
          String c = part.countries[part.countryOf[g][k]];
          if (MaterialPart.UNKNOWN_COUNTRY.equals(c)) continue;
          quantity.merge(c, r.x[k], Double::sum);
        }
      }
    }
    Set<String> countries = new LinkedHashSet<>();
    quantity.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .forEach(e -> countries.add(e.getKey()));
    return countries.stream().map(Shock::country).toList();
  }

  /** The part's capacities under the shock, or null when the shock touches none of its offers. */
  static double[] shockedCapacity(MaterialPart part, Shock shock) {
    double[] capacity = null;
    for (int k = 0; k < part.n; k++) {
      if (!hits(part, k, shock)) continue;
      if (capacity == null) capacity = part.capacity.clone();
      capacity[k] = part.capacity[k] * shock.capacityFactor();
    }
    return capacity;
  }

  private static boolean hits(MaterialPart part, int k, Shock shock) {
    if (shock.supplier() != null) return shock.supplier().equals(part.supplierIds[k]);
    for (int g = 0; g < part.stages.length; g++) {
      if (shock.stage() != null && !shock.stage().equals(part.stages[g])) continue;
      if (shock.country().equals(part.countries[part.countryOf[g][k]])) return true;
    }
    return false;
  }

  private static StressTest.Outcome outcome(
      MaterialPart[] parts,
      PartResult[] results,
      double fixedCosts,
      List<RuleConflict> conflicts,
      Double maxHhi) {
    double cost = fixedCosts;
    double shortfall = 0;
    Map<String, Double> byMaterial = new LinkedHashMap<>();
    List<BindingLimit> binding = new ArrayList<>();
    Status status = Status.OPTIMAL;
    for (int i = 0; i < parts.length; i++) {
      MaterialPart part = parts[i];
      PartResult r = results[i];
      if (r.status != Status.OPTIMAL) {
        if (status == Status.OPTIMAL || r.status == Status.INFEASIBLE) status = r.status;
        continue;
      }
      cost += r.purchaseCost(part);
      double noise = 1e-9 * Math.max(1.0, part.demand);
      double s = SourcingOptimizer.snap(r.shortfall, noise);
      if (s > part.tolerance()) {
        shortfall += s;
        byMaterial.put(part.material, s);
      }
      binding.addAll(binding(part, r, maxHhi));
    }
    return new StressTest.Outcome(
        status,
        SourcingOptimizer.snap(cost, 1e-9 * Math.max(1.0, cost)),
        shortfall,
        byMaterial,
        binding,
        status == Status.INFEASIBLE ? conflicts : List.of());
  }

  /** Active rows tight at the optimum with a non-zero dual, and a priced HHI cap. */
  static List<BindingLimit> binding(MaterialPart part, PartResult r, Double maxHhi) {
    List<BindingLimit> list = new ArrayList<>();
    double dualNoise = 1e-9 * Math.max(1.0, part.maxPrice);
    for (int k = 0; k < part.rows.size(); k++) {
      PolicyRow row = part.rows.get(k);
      if (!row.active || Math.abs(r.rowDual[k]) <= dualNoise) continue;
      double slack =
          row.isSpend() ? 1e-6 * Math.max(1.0, part.demand * part.maxPrice) : part.tolerance();
      if (Math.abs(row.activity(r.x) - row.rhs) > slack) continue;
      list.add(
          new BindingLimit(
              row.kind,
              part.material,
              row.stage,
              row.country,
              row.group,
              row.supplier,
              row.basis,
              row.share,
              r.rowDual[k]));
    }
    if (r.hhiPrice != null) {
      for (int g = 0; g < part.stages.length; g++) {
        if (Math.abs(r.hhiPrice[g]) <= dualNoise) continue;
        list.add(
            new BindingLimit(
                ConstraintKind.HHI_CAP,
                part.material,
                part.stages[g],
                null,
                null,
                null,
                Basis.QUANTITY,
                maxHhi,
                r.hhiPrice[g]));
      }
    }
    return list;
  }
}
