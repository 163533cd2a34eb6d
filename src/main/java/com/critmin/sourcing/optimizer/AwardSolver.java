package com.critmin.sourcing.optimizer;

import com.critmin.sourcing.optimizer.model.Allocation;
import com.critmin.sourcing.optimizer.model.AwardRule;
import com.critmin.sourcing.optimizer.model.BindingConstraint;
import com.critmin.sourcing.optimizer.model.Demand;
import com.critmin.sourcing.optimizer.model.Diagnosis;
import com.critmin.sourcing.optimizer.model.Limits;
import com.critmin.sourcing.optimizer.model.MaterialResult;
import com.critmin.sourcing.optimizer.model.OfferInput;
import com.critmin.sourcing.optimizer.model.RuleConflict;
import com.critmin.sourcing.optimizer.model.RuleCost;
import com.critmin.sourcing.optimizer.model.Solution;
import com.critmin.sourcing.optimizer.model.SolveOptions;
import com.critmin.sourcing.optimizer.model.SolverStats;
import com.critmin.sourcing.optimizer.model.SourcingProblem;
import com.critmin.sourcing.optimizer.model.Status;
import com.critmin.sourcing.optimizer.ortools.MipSolver;
import com.critmin.sourcing.optimizer.part.MaterialPart;
import com.critmin.sourcing.optimizer.part.PartResult;
import com.critmin.sourcing.optimizer.part.ProblemCompiler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Solves a problem with award rules (SPEC section 3's mixed-integer rules). Every rule belongs to
 * one material except a supplier's fixed cost, which couples the materials it offers: such
 * materials are solved together in one MIP, other materials with rules each in their own, and
 * materials that no rule touches by the LP path as usual. Prices each rule that changes the answer
 * by re-solving its materials without it, and names the rules behind an infeasible answer.
 */
final class AwardSolver {
  /** Largest plan (offers) whose rules are priced by re-solving: each price is one more MIP. */
  static final int PRICED_MAX_OFFERS = 5_000;

  /** Most rules priced in one plan; the others go unpriced rather than slow the answer down. */
  static final int PRICED_MAX_RULES = 12;

  /** The rule prices' re-solves may take at most this many times the plan's own solve... */
  static final long PRICING_BUDGET = 3;

  /**
   * ...or this long, whichever is more. At 50 ms a loaded 2-core CI machine left the Swagger
   * example's fixed cost unpriced now and then: a plan's statement must not depend on the load.
   */
  static final long PRICING_MIN_NANOS = 1_000_000_000L;

  /** Appended to the statements of binding limits of a plan whose award decisions were fixed. */
  static final String FIXED_DECISIONS_NOTE = " (priced by the LP with the award decisions fixed)";

  private final SourcingOptimizer optimizer;
  private final SourcingProblem problem;
  private final SolveOptions options;
  private final MipSolver.Rules rules;
  private final Map<String, String> units = new HashMap<>();

  AwardSolver(SourcingOptimizer optimizer, SourcingProblem problem) {
    this.optimizer = optimizer;
    this.problem = problem;
    this.options = problem.options();
    this.rules = rules(problem);
    for (Demand demand : problem.demands())
      if (demand.unit() != null) units.put(demand.material(), demand.unit());
  }

  static MipSolver.Rules rules(SourcingProblem problem) {
    Map<String, OfferInput> offers = new HashMap<>();
    for (OfferInput offer : problem.offers())
      if (offer.hasAwardRules()) offers.put(offer.id(), offer);
    Limits limits = problem.limits();
    return new MipSolver.Rules(
        offers,
        problem.supplierFixedCosts(),
        new MipSolver.Counts(limits.minSuppliers(), limits.maxSuppliers()),
        Map.of());
  }

  SolveOptions options() {
    return options;
  }

  /** Materials solved together (indexes into the parts), and how they were solved. */
  record Cluster(int[] members, boolean mip, MipSolver.Result result) {
    Status status() {
      return result.status();
    }

    /** Puts each member's result at its index in {@code results}. */
    void spread(PartResult[] results) {
      for (int k = 0; k < members.length; k++) results[members[k]] = result.parts()[k];
    }

    double fixedCostsPaid() {
      double paid = 0;
      for (double cost : result.paidFixedCosts().values()) paid += cost;
      return paid;
    }
  }

  Solution solve(PartObserver observer) {
    long start = System.nanoTime();
    long deadline = options.deadlineNanos(start);
    ProblemCompiler compiler = new ProblemCompiler(problem);
    List<Demand> demands = problem.demands();
    int count = demands.size();
    MaterialPart[] parts = optimizer.compileAll(compiler, demands, options.effectiveThreads());
    List<int[]> groups = coupled(parts);
    Cluster[] clusters = new Cluster[groups.size()];
    optimizer.runParallel(
        groups.size(),
        options.effectiveThreads(),
        k -> {
          List<PartObserver.Handle> handles = new ArrayList<>();
          try {
            for (int p : groups.get(k))
              handles.add(observer.started(parts[p].material, parts[p].n));
            clusters[k] = solve(groups.get(k), parts, deadline);
          } finally {
            handles.forEach(PartObserver.Handle::close);
          }
        });
    PartResult[] results = new PartResult[count];
    boolean[] mip = new boolean[count];
    boolean infeasible = false;
    boolean timedOut = false;
    for (Cluster cluster : clusters) {
      infeasible |= cluster.status() == Status.INFEASIBLE;
      timedOut |= cluster.status() == Status.TIME_LIMIT;
      cluster.spread(results);
      for (int p : cluster.members) mip[p] = cluster.mip;
    }
    if (infeasible) return infeasible(parts, clusters, results, deadline, start);

    List<Allocation> allocations = new ArrayList<>();
    List<MaterialResult> materials = new ArrayList<>(count);
    List<BindingConstraint> binding = new ArrayList<>();
    boolean exactAllowed = problem.offers().size() <= BindingAnalysis.EXACT_MAX_PLAN_OFFERS;
    double purchase = 0;
    for (int p = 0; p < count; p++) {
      PartResult result = results[p];
      if (result.x == null) continue;
      // Re-solving a MIP part's LP would drop its integer decisions: its duals (from the LP with
      // the decisions fixed) are the figures.
      BindingAnalysis analysis =
          result.status == Status.OPTIMAL
              ? BindingAnalysis.of(
                  parts[p], result, options.engine(), deadline, exactAllowed && !mip[p])
              : BindingAnalysis.NONE;
      int bindingBefore = binding.size();
      purchase +=
          SourcingOptimizer.collect(
              parts[p],
              result,
              analysis,
              problem.currency(),
              null,
              allocations,
              materials,
              binding);
      int last = materials.size() - 1;
      double noise = 1e-9 * Math.max(1.0, parts[p].demand);
      materials.set(
          last,
          materials.get(last).withAwardedSuppliers(awardedSuppliers(parts[p], result.x, noise)));
      if (mip[p]) {
        for (int b = bindingBefore; b < binding.size(); b++)
          binding.set(
              b,
              binding.get(b).withExplanation(binding.get(b).explanation() + FIXED_DECISIONS_NOTE));
      }
    }
    double fixedCosts = 0;
    double objective = 0;
    double bound = 0;
    for (Cluster cluster : clusters) {
      fixedCosts += cluster.fixedCostsPaid();
      objective += cluster.result.objective();
      bound += cluster.result.bestBound();
    }
    // Taken before the rules are priced: the wall time is the solve's, the prices come on top.
    SolverStats stats = stats(results, start, objective, bound);
    List<RuleCost> ruleCosts =
        timedOut || problem.offers().size() > PRICED_MAX_OFFERS
            ? List.of()
            : ruleCosts(parts, results, clusters, deadline, System.nanoTime() - start);
    return new Solution(
        timedOut ? Status.TIME_LIMIT : Status.OPTIMAL,
        purchase + fixedCosts,
        allocations,
        materials,
        binding,
        null,
        stats,
        fixedCosts,
        ruleCosts);
  }

  /**
   * Groups of parts that must be solved together: those sharing a supplier with a fixed cost
   * (union-find over the parts); every other part alone.
   */
  List<int[]> coupled(MaterialPart[] parts) {
    int[] root = new int[parts.length];
    for (int p = 0; p < parts.length; p++) root[p] = p;
    Map<String, Integer> firstPart = new HashMap<>();
    for (int p = 0; p < parts.length; p++) {
      MaterialPart part = parts[p];
      for (int i = 0; i < part.n; i++) {
        if (!part.isAvailable(i) || rules.fixedCost(part.supplierIds[i]) <= 0) continue;
        Integer other = firstPart.putIfAbsent(part.supplierIds[i], p);
        if (other != null && other != p) root[find(root, p)] = find(root, other);
      }
    }
    Map<Integer, List<Integer>> byRoot = new java.util.LinkedHashMap<>();
    for (int p = 0; p < parts.length; p++)
      byRoot.computeIfAbsent(find(root, p), r -> new ArrayList<>()).add(p);
    List<int[]> groups = new ArrayList<>();
    for (List<Integer> members : byRoot.values())
      groups.add(members.stream().mapToInt(Integer::intValue).toArray());
    // Largest first, so that the longest solve starts first.
    groups.sort((a, b) -> Integer.compare(offers(parts, b), offers(parts, a)));
    return groups;
  }

  private static int offers(MaterialPart[] parts, int[] members) {
    int total = 0;
    for (int p : members) total += parts[p].n;
    return total;
  }

  private static int find(int[] root, int p) {
    while (root[p] != p) {
      root[p] = root[root[p]];
      p = root[p];
    }
    return p;
  }

  /** Whether some rule concerns one of the parts: else the LP path solves them. */
  private static boolean ruled(int[] members, MaterialPart[] parts, MipSolver.Rules rules) {
    for (int p : members) {
      MaterialPart part = parts[p];
      if (part.demand > 0 && rules.counts(part.material).any()) return true;
      for (int i = 0; i < part.n; i++) {
        if (!part.isAvailable(i)) continue;
        if (rules.offers().containsKey(part.offerIds[i])
            || rules.fixedCost(part.supplierIds[i]) > 0) return true;
      }
    }
    return false;
  }

  /** Solves the parts of one group: by the MIP when a rule concerns them, else by the LP path. */
  Cluster solve(int[] members, MaterialPart[] parts, long deadline) {
    List<MaterialPart> group = new ArrayList<>(members.length);
    for (int p : members) group.add(parts[p]);
    if (ruled(members, parts, rules)) {
      return new Cluster(
          members, true, MipSolver.solve(group, rules, options.relativeGap(), deadline));
    }
    // One part: no fixed cost couples a material that no rule touches.
    MaterialPart part = parts[members[0]];
    PartResult result = SourcingOptimizer.solvePart(part, options, deadline, null);
    double objective = result.objective(part);
    return new Cluster(
        members,
        false,
        new MipSolver.Result(
            result.status, new PartResult[] {result}, Map.of(), objective, objective));
  }

  private static List<String> awardedSuppliers(MaterialPart part, double[] x, double noise) {
    TreeSet<String> suppliers = new TreeSet<>();
    for (int i = 0; i < part.n; i++) if (x[i] > noise) suppliers.add(part.supplierIds[i]);
    return List.copyOf(suppliers);
  }

  private SolverStats stats(PartResult[] results, long start, double objective, double bound) {
    SolverStats base = SourcingOptimizer.stats(results, options, start);
    Set<String> engines = new LinkedHashSet<>();
    for (PartResult r : results) if (MipSolver.ENGINE.equals(r.engine)) engines.add(r.engine);
    for (PartResult r : results) engines.add(r.engine);
    // Out of time before some group had a plan or a bound: neither figure exists.
    if (!Double.isFinite(objective) || !Double.isFinite(bound))
      return base.withMip(String.join("+", engines), null, null);
    double gap =
        objective == bound
            ? 0.0
            : Math.max(0.0, (objective - bound) / Math.max(1e-9, Math.abs(objective)));
    return base.withMip(String.join("+", engines), gap, bound);
  }

  /**
   * The price of the rules of the MIP groups that may change the answer, by re-solving the group
   * without the rule (a supplier count moved by one): base objective minus the relaxed one. Only
   * rules that are tight in the plan are candidates (a count at its bound, an offer left out or
   * bought at its minimum; every fixed cost and lot size), in that order, at most {@link
   * #PRICED_MAX_RULES}, and only while the re-solves stay within {@link #PRICING_BUDGET} times the
   * solve itself: explanations must not make a plan under rules many times slower.
   */
  private List<RuleCost> ruleCosts(
      MaterialPart[] parts,
      PartResult[] results,
      Cluster[] clusters,
      long deadline,
      long solveNanos) {
    record Probe(Cluster cluster, MipSolver.Rules relaxed, RuleCost rule, int priority) {}
    List<Probe> probes = new ArrayList<>();
    for (Cluster cluster : clusters) {
      if (!cluster.mip) continue;
      Set<String> suppliers = new TreeSet<>();
      for (int p : cluster.members) {
        MaterialPart part = parts[p];
        double[] x = results[p].x;
        double tolerance = part.tolerance();
        int awarded = awardedSuppliers(part, x, tolerance).size();
        MipSolver.Counts counts = rules.counts(part.material);
        if (part.demand > 0 && counts.max() != null && awarded >= counts.max()) {
          probes.add(
              new Probe(
                  cluster,
                  rules.withCounts(
                      part.material, new MipSolver.Counts(counts.min(), counts.max() + 1)),
                  rule(AwardRule.MAX_SUPPLIERS, part.material, null, null, counts.max()),
                  0));
        }
        if (part.demand > 0
            && counts.min() != null
            && counts.min() > 0
            && awarded <= counts.min()) {
          probes.add(
              new Probe(
                  cluster,
                  rules.withCounts(
                      part.material, new MipSolver.Counts(counts.min() - 1, counts.max())),
                  rule(AwardRule.MIN_SUPPLIERS, part.material, null, null, counts.min()),
                  0));
        }
        for (int i = 0; i < part.n; i++) {
          if (!part.isAvailable(i)) continue;
          if (rules.fixedCost(part.supplierIds[i]) > 0) suppliers.add(part.supplierIds[i]);
          OfferInput offer = rules.offers().get(part.offerIds[i]);
          if (offer == null) continue;
          if (offer.minQuantity() != null
              && (x[i] <= tolerance || Math.abs(x[i] - offer.minQuantity()) <= tolerance)) {
            probes.add(
                new Probe(
                    cluster,
                    rules.withoutOfferRule(offer.id(), false),
                    rule(
                        AwardRule.MIN_QUANTITY,
                        part.material,
                        offer.id(),
                        offer.supplierId(),
                        offer.minQuantity()),
                    2));
          }
          if (offer.lotSize() != null) {
            probes.add(
                new Probe(
                    cluster,
                    rules.withoutOfferRule(offer.id(), true),
                    rule(
                        AwardRule.LOT_SIZE,
                        part.material,
                        offer.id(),
                        offer.supplierId(),
                        offer.lotSize()),
                    3));
          }
        }
      }
      for (String supplier : suppliers) {
        probes.add(
            new Probe(
                cluster,
                rules.withoutFixedCost(supplier),
                rule(AwardRule.FIXED_COST, null, null, supplier, rules.fixedCost(supplier)),
                1));
      }
    }
    probes.sort(java.util.Comparator.comparingInt(Probe::priority));
    List<Probe> priced = probes.subList(0, Math.min(probes.size(), PRICED_MAX_RULES));
    long budget = System.nanoTime() + Math.max(PRICING_MIN_NANOS, PRICING_BUDGET * solveNanos);
    long stop = Math.min(deadline, budget);
    RuleCost[] costs = new RuleCost[priced.size()];
    optimizer.runParallel(
        priced.size(),
        options.effectiveThreads(),
        k -> {
          if (System.nanoTime() >= stop) return;
          Probe probe = priced.get(k);
          List<MaterialPart> group = new ArrayList<>();
          for (int p : probe.cluster.members) group.add(parts[p]);
          // The plan under every rule is a plan without this one: the re-solve starts from it.
          MipSolver.Result relaxed =
              MipSolver.solve(
                  group, probe.relaxed, options.relativeGap(), stop, probe.cluster.result);
          if (relaxed.status() != Status.OPTIMAL) return;
          double base = probe.cluster.result.objective();
          // Below noise or below half the currency's minor unit, a rule changes nothing stated.
          double noise =
              Math.max(
                  1e-6 * Math.max(1.0, Math.abs(base)),
                  0.5 * Math.pow(10, -Explanations.minorDigits(problem.currency())));
          double saving = base - relaxed.objective();
          if (saving > noise) costs[k] = priced(probe.rule, saving);
        });
    List<RuleCost> result = new ArrayList<>();
    for (RuleCost cost : costs) if (cost != null) result.add(cost);
    return result;
  }

  private static RuleCost rule(
      AwardRule rule, String material, String offer, String supplier, double limit) {
    return new RuleCost(rule, material, offer, supplier, limit, 0.0, null);
  }

  /** The rule with its cost and the statement of it. */
  private RuleCost priced(RuleCost rule, double cost) {
    String money = Explanations.money(cost, problem.currency());
    String explanation =
        switch (rule.rule()) {
          case MIN_QUANTITY ->
              "the "
                  + quantity(rule.material(), rule.limit())
                  + " minimum order on "
                  + rule.offer()
                  + " costs "
                  + money;
          case LOT_SIZE ->
              "buying "
                  + rule.offer()
                  + " in lots of "
                  + quantity(rule.material(), rule.limit())
                  + " costs "
                  + money;
          case FIXED_COST ->
              "the fixed cost of "
                  + rule.supplier()
                  + " ("
                  + Explanations.money(rule.limit(), problem.currency())
                  + ") costs "
                  + money;
          case MAX_SUPPLIERS ->
              "allowing "
                  + ((int) rule.limit() + 1)
                  + " suppliers rather than "
                  + (int) rule.limit()
                  + " for "
                  + rule.material()
                  + " would save "
                  + money;
          case MIN_SUPPLIERS ->
              "requiring "
                  + (int) rule.limit()
                  + " suppliers rather than "
                  + ((int) rule.limit() - 1)
                  + " for "
                  + rule.material()
                  + " costs "
                  + money;
        };
    return new RuleCost(
        rule.rule(),
        rule.material(),
        rule.offer(),
        rule.supplier(),
        rule.limit(),
        SourcingOptimizer.snap(cost, 1e-9 * Math.max(1.0, cost)),
        explanation);
  }

  private String quantity(String material, double amount) {
    String unit = material == null ? null : units.get(material);
    return Explanations.quantity(amount) + (unit == null || unit.isBlank() ? "" : " " + unit);
  }

  /**
   * An infeasible answer: materials whose policy alone cannot be met get the LP diagnosis; groups
   * whose policy can be met but whose rules cannot get the rules that conflict.
   */
  private Solution infeasible(
      MaterialPart[] parts, Cluster[] clusters, PartResult[] results, long deadline, long start) {
    // The diagnosis' re-solves get a grace period like the LP diagnosis', even past the time limit.
    deadline = Math.max(deadline, System.nanoTime() + Diagnoser.GRACE_NANOS);
    List<MaterialPart> policyInfeasible = new ArrayList<>();
    List<RuleConflict> conflicts = new ArrayList<>();
    for (Cluster cluster : clusters) {
      if (cluster.status() != Status.INFEASIBLE) continue;
      boolean policyMet = true;
      for (int p : cluster.members) {
        PartResult relaxation =
            cluster.mip
                ? SourcingOptimizer.solvePart(parts[p], options, deadline, null)
                : results[p];
        if (relaxation.status == Status.INFEASIBLE) {
          policyInfeasible.add(parts[p]);
          policyMet = false;
        }
      }
      if (policyMet) conflicts.addAll(conflicts(cluster, parts, deadline));
    }
    Diagnosis diagnosis =
        policyInfeasible.isEmpty()
            ? new Diagnosis(List.of(), null, List.of(), null, conflicts)
            : withConflicts(
                new Diagnoser(options.engine(), deadline, units, problem.currency())
                    .diagnose(policyInfeasible),
                conflicts);
    return new Solution(
        Status.INFEASIBLE,
        0.0,
        List.of(),
        List.of(),
        List.of(),
        diagnosis,
        SourcingOptimizer.stats(results, options, start));
  }

  private static Diagnosis withConflicts(Diagnosis diagnosis, List<RuleConflict> conflicts) {
    return new Diagnosis(
        diagnosis.materials(),
        diagnosis.minFeasibleUniformCountryCap(),
        diagnosis.relaxations(),
        diagnosis.relaxationsNote(),
        conflicts);
  }

  /**
   * The rules of an infeasible group whose removal alone makes it feasible: each material's
   * supplier counts, then its minimum orders, then its lot sizes (all of the material's at once).
   */
  List<RuleConflict> conflicts(Cluster cluster, MaterialPart[] parts, long deadline) {
    List<MaterialPart> group = new ArrayList<>();
    for (int p : cluster.members) group.add(parts[p]);
    List<RuleConflict> found = new ArrayList<>();
    for (MaterialPart part : group) {
      MipSolver.Counts counts = rules.counts(part.material);
      int suppliers = availableSuppliers(part);
      if (counts.min() != null
          && feasible(
              group,
              rules.withCounts(part.material, new MipSolver.Counts(null, counts.max())),
              deadline)) {
        found.add(
            new RuleConflict(
                AwardRule.MIN_SUPPLIERS,
                part.material,
                null,
                counts.min().doubleValue(),
                "minSuppliers "
                    + counts.min()
                    + " for "
                    + part.material
                    + " cannot be met: "
                    + (suppliers < counts.min()
                        ? "only "
                            + suppliers
                            + (suppliers == 1 ? " supplier remains" : " suppliers remain")
                            + " after exclusions and the scenario"
                        : "not that many suppliers can each be awarded under the other rules")));
      }
      if (counts.max() != null
          && feasible(
              group,
              rules.withCounts(part.material, new MipSolver.Counts(counts.min(), null)),
              deadline)) {
        found.add(
            new RuleConflict(
                AwardRule.MAX_SUPPLIERS,
                part.material,
                null,
                counts.max().doubleValue(),
                "maxSuppliers "
                    + counts.max()
                    + " for "
                    + part.material
                    + " cannot be met: no "
                    + counts.max()
                    + (counts.max() == 1 ? " supplier covers " : " suppliers together cover ")
                    + quantity(part.material, part.demand)
                    + " under the policy"));
      }
      addOfferConflict(found, group, part, false, deadline);
      addOfferConflict(found, group, part, true, deadline);
    }
    return found;
  }

  /** Most offers of one material tried one by one when their rules together conflict. */
  static final int CONFLICT_PROBES = 10;

  /**
   * A material's minimum orders ({@code lot} false) or lot sizes that conflict: each whose removal
   * alone makes the group feasible (tried one by one for up to {@link #CONFLICT_PROBES} offers),
   * else all of them together when only removing them all helps.
   */
  private void addOfferConflict(
      List<RuleConflict> found,
      List<MaterialPart> group,
      MaterialPart part,
      boolean lot,
      long deadline) {
    MipSolver.Rules relaxed = rules;
    List<OfferInput> offers = new ArrayList<>();
    for (int i = 0; i < part.n; i++) {
      OfferInput offer = rules.offers().get(part.offerIds[i]);
      if (offer == null || (lot ? offer.lotSize() : offer.minQuantity()) == null) continue;
      relaxed = relaxed.withoutOfferRule(offer.id(), lot);
      offers.add(offer);
    }
    if (offers.isEmpty() || !feasible(group, relaxed, deadline)) return;
    int before = found.size();
    if (offers.size() > 1 && offers.size() <= CONFLICT_PROBES) {
      for (OfferInput offer : offers) {
        if (feasible(group, rules.withoutOfferRule(offer.id(), lot), deadline))
          found.add(offerConflict(part, lot, offer.id(), offer, null));
      }
    }
    if (found.size() > before) return;
    OfferInput only = offers.size() == 1 ? offers.get(0) : null;
    found.add(offerConflict(part, lot, only == null ? null : only.id(), only, offers.size()));
  }

  /** The conflict of one offer's rule, or of {@code count} offers' rules together. */
  private RuleConflict offerConflict(
      MaterialPart part, boolean lot, String offerId, OfferInput offer, Integer count) {
    String rule = lot ? "lot size" : "minimum order";
    String whose =
        offerId != null
            ? "the "
                + quantity(part.material, lot ? offer.lotSize() : offer.minQuantity())
                + " "
                + rule
                + " of "
                + offerId
            : (lot ? "the lot sizes of " : "the minimum orders of ")
                + count
                + " offers of "
                + part.material
                + " together";
    return new RuleConflict(
        lot ? AwardRule.LOT_SIZE : AwardRule.MIN_QUANTITY,
        part.material,
        offerId,
        offer == null ? null : lot ? offer.lotSize() : offer.minQuantity(),
        whose
            + " cannot be met together with demand of "
            + quantity(part.material, part.demand)
            + " under the policy");
  }

  /** Whether a plan exists under the relaxed rules; false when none was found in time. */
  private boolean feasible(List<MaterialPart> group, MipSolver.Rules relaxed, long deadline) {
    MipSolver.Result result = MipSolver.solve(group, relaxed, options.relativeGap(), deadline);
    return result.status() != Status.INFEASIBLE && result.parts()[0].x != null;
  }

  private static int availableSuppliers(MaterialPart part) {
    Set<String> suppliers = new TreeSet<>();
    // A supplier whose capacity a stress test's shock took away remains in name only.
    for (int i = 0; i < part.n; i++)
      if (part.isAvailable(i) && part.capacity[i] > 0) suppliers.add(part.supplierIds[i]);
    return suppliers.size();
  }
}
