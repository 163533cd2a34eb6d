package com.critmin.sourcing.optimizer.ortools;

import com.critmin.sourcing.optimizer.SolverFailureException;
import com.critmin.sourcing.optimizer.model.OfferInput;
import com.critmin.sourcing.optimizer.model.Status;
import com.critmin.sourcing.optimizer.part.MaterialPart;
import com.critmin.sourcing.optimizer.part.PartResult;
import com.critmin.sourcing.optimizer.part.PolicyRow;
import com.google.ortools.linearsolver.MPConstraintProto;
import com.google.ortools.linearsolver.MPModelProto;
import com.google.ortools.linearsolver.MPModelRequest;
import com.google.ortools.linearsolver.MPSolutionResponse;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPSolverResponseStatus;
import com.google.ortools.linearsolver.MPVariableProto;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Solves the MIP of one or more material parts under award rules with SCIP through one MPSolver per
 * call (values copied out before {@code delete()}). The LP of each part ({@link
 * LpPartSolver#append}) gains: per offer with a minimum order a binary "awarded" {@code y} with
 * {@code min * y <= x <= M * y}; per offer with a lot size an integer lot count {@code k} with
 * {@code x = lotSize * k}; per supplier of a material, when supplier counts apply, a binary {@code
 * z} with {@code x <= M * z} per offer ({@code y <= z} for an offer with its {@code y}), and per
 * supplier with a fixed cost a binary {@code w}, shared by the materials the supplier offers (which
 * is why such materials are solved together), paying the cost in the objective. {@code M} is the
 * most the offer can be bought: its capacity, demand and every quantity cap on it.
 *
 * <p>Only OPTIMAL (within the relative gap) is a plan proven optimal; FEASIBLE at the time limit is
 * TIME_LIMIT with the best plan found. The plan's quantities and duals come from the LP with every
 * integer decision fixed (GLOP): the best continuous completion of the award pattern, and prices of
 * the continuous limits that hold for that pattern.
 */
public final class MipSolver {
  /** Engine name in solver statistics. */
  public static final String ENGINE = "SCIP";

  /**
   * The MPSolver id of the MIP engine: SCIP, chosen by AwardBenchmark over CP-SAT (which MPSolver
   * also drives, scaling the continuous quantities to integers). The system property {@code
   * optimizer.mip.engine} (CP_SAT) exists for that benchmark.
   */
  static String engine() {
    return System.getProperty("optimizer.mip.engine", ENGINE);
  }

  /**
   * SCIP parameters of a small model (at most {@link #SMALL_MODEL_INTEGERS} integer variables): no
   * cutting planes. There SCIP's separation rounds cost more than the few branching nodes they save
   * (ERP benchmark, about 200 binaries: 0.25 s against 0.8 s with the default cuts, and
   * rule-pricing re-solves that did not finish in 30 s with them). A large model needs them (10,000
   * offers: the 1e-4 gap in 15 to 18 s with cuts, 1e-2 after 30 s without).
   */
  static final String SMALL_MODEL_SCIP_PARAMETERS =
      "separating/maxrounds = 0\nseparating/maxroundsroot = 0";

  /** Measured between the ERP benchmark (about 200 binaries) and 10,000 offers (about 10,000). */
  static final int SMALL_MODEL_INTEGERS = 1_000;

  /**
   * Least share of demand a supplier counted toward {@code minSuppliers} receives: "a non-zero
   * award" must be told apart from solver noise, and minimum orders or lots make it larger.
   */
  public static final double MIN_COUNTED_SHARE = 1e-4;

  private MipSolver() {}

  /** How many suppliers of a material may receive an award; null bounds are absent. */
  public record Counts(Integer min, Integer max) {
    public static final Counts NONE = new Counts(null, null);

    public boolean any() {
      return min != null || max != null;
    }
  }

  /**
   * The award rules: offers with a minimum order or lot size by id, suppliers' fixed costs, the
   * supplier counts of every material and overrides for some materials (the rule prices move one).
   */
  public record Rules(
      Map<String, OfferInput> offers,
      Map<String, Double> fixedCosts,
      Counts counts,
      Map<String, Counts> countsByMaterial) {
    public Rules {
      offers = Map.copyOf(offers);
      fixedCosts = Map.copyOf(fixedCosts);
      countsByMaterial = Map.copyOf(countsByMaterial);
    }

    public Counts counts(String material) {
      return countsByMaterial.getOrDefault(material, counts);
    }

    public double fixedCost(String supplier) {
      Double cost = fixedCosts.get(supplier);
      return cost == null ? 0.0 : cost;
    }

    /** These rules with the offer's minimum order ({@code lot} false) or lot size taken away. */
    public Rules withoutOfferRule(String offer, boolean lot) {
      Map<String, OfferInput> changed = new HashMap<>(offers);
      OfferInput o = changed.get(offer);
      changed.put(
          offer,
          new OfferInput(
              o.id(),
              o.supplierId(),
              o.material(),
              o.country(),
              o.capacity(),
              o.unitPrice(),
              o.origins(),
              lot ? o.minQuantity() : null,
              lot ? null : o.lotSize()));
      return new Rules(changed, fixedCosts, counts, countsByMaterial);
    }

    /** These rules without the supplier's fixed cost. */
    public Rules withoutFixedCost(String supplier) {
      Map<String, Double> changed = new HashMap<>(fixedCosts);
      changed.remove(supplier);
      return new Rules(offers, changed, counts, countsByMaterial);
    }

    /** These rules with other supplier counts for one material. */
    public Rules withCounts(String material, Counts materialCounts) {
      Map<String, Counts> changed = new HashMap<>(countsByMaterial);
      changed.put(material, materialCounts);
      return new Rules(offers, fixedCosts, counts, changed);
    }
  }

  /**
   * The outcome for the parts solved together: status, a result per part (in the order given),
   * suppliers whose fixed cost is paid, and the objective and best bound (NaN without a plan).
   */
  public record Result(
      Status status,
      PartResult[] parts,
      Map<String, Double> paidFixedCosts,
      double objective,
      double bestBound) {}

  /**
   * Variables that carry an integer decision, per part: lot counts, award and supplier binaries.
   */
  private static final class Decisions {
    final int[] lots;
    final double[] lotSize;
    final int[] awarded;

    /** Per candidate: the variable (z or w) that must be 1 for it to be bought, -1 if none. */
    final int[] supplier;

    Decisions(int n) {
      lots = new int[n];
      lotSize = new double[n];
      awarded = new int[n];
      supplier = new int[n];
      java.util.Arrays.fill(lots, -1);
      java.util.Arrays.fill(awarded, -1);
      java.util.Arrays.fill(supplier, -1);
    }
  }

  public static Result solve(
      List<MaterialPart> parts, Rules rules, double relativeGap, long deadlineNanos) {
    return solve(parts, rules, relativeGap, deadlineNanos, null);
  }

  /**
   * As {@link #solve(List, Rules, double, long)}, starting from a known plan of the same parts
   * ({@code plan}, null for none) that these rules allow: the engine begins with it as its
   * incumbent, so it only has to search for better ones (a rule's price: the plan under all rules
   * is a plan without that one).
   */
  public static Result solve(
      List<MaterialPart> parts, Rules rules, double relativeGap, long deadlineNanos, Result plan) {
    int count = parts.size();
    String what = parts.size() == 1 ? parts.get(0).material : count + " materials";
    if (System.nanoTime() >= deadlineNanos) return unsolved(Status.TIME_LIMIT, count);
    for (MaterialPart part : parts) {
      if (LpPartSolver.infeasibleWithoutModel(part)) return unsolved(Status.INFEASIBLE, count);
    }
    long start = System.nanoTime();
    int candidates = 0;
    for (MaterialPart part : parts) candidates += part.availableCount;
    boolean named = candidates <= LpPartSolver.NAMED_VARIABLE_LIMIT;
    Model built = Model.of(parts, rules, named);
    MPModelProto.Builder model = built.model;
    Decisions[] decisions = built.decisions;
    Map<String, Integer> fixedCostVars = built.fixedCostVars;
    int variables = model.getVariableCount();
    int constraints = model.getConstraintCount();
    if (plan != null) hint(model, built.parts, decisions, fixedCostVars, plan);

    String engine = engine();
    long[] modelled = new long[1];
    MPSolutionResponse response = run(model, named, what, relativeGap, deadlineNanos, modelled);
    long solved = System.nanoTime();
    Status status = LpPartSolver.outcome(response, engine, what, deadlineNanos);
    // A stop at the time limit with a solution in hand is FEASIBLE; without one there is no plan.
    boolean hasPlan =
        status == Status.OPTIMAL
            || (status == Status.TIME_LIMIT
                && response.getStatus() == MPSolverResponseStatus.MPSOLVER_FEASIBLE);
    if (!hasPlan) return unsolved(status, count);

    double[] values = new double[variables];
    for (int j = 0; j < variables; j++) values[j] = response.getVariableValue(j);
    MPSolutionResponse fixed = solveFixed(model, values, deadlineNanos);
    if (fixed != null) {
      // Integer columns keep the rounded values they were fixed at; the rest come from the LP.
      for (int j = 0; j < variables; j++)
        if (!model.getVariable(j).getIsInteger()) values[j] = fixed.getVariableValue(j);
    }
    for (int j = 0; j < variables; j++)
      if (model.getVariable(j).getIsInteger()) values[j] = Math.rint(values[j]);

    PartResult.Effort effort =
        new PartResult.Effort(variables, constraints, modelled[0] - start, solved - modelled[0]);
    PartResult[] results = new PartResult[count];
    for (int p = 0; p < count; p++) {
      results[p] = read(built.parts[p], decisions[p], values, fixed, status, effort);
      // The model's size and time are the cluster's: count them once.
      effort = PartResult.Effort.NONE;
    }
    Map<String, Double> paid = new LinkedHashMap<>();
    double objective = 0;
    for (var e : fixedCostVars.entrySet()) {
      if (values[e.getValue()] > 0.5) {
        paid.put(e.getKey(), rules.fixedCost(e.getKey()));
        objective += rules.fixedCost(e.getKey());
      }
    }
    for (int p = 0; p < count; p++) objective += results[p].objective(parts.get(p));
    return new Result(status, results, paid, objective, response.getBestObjectiveBound());
  }

  /**
   * Solves the MIP with the configured engine, one MPSolver deleted before returning; {@code
   * modelled[0]} gets the time the model was loaded (the build/solve split of the statistics).
   */
  private static MPSolutionResponse run(
      MPModelProto.Builder model,
      boolean named,
      String what,
      double relativeGap,
      long deadlineNanos,
      long[] modelled) {
    String engine = engine();
    MPSolver solver = MPSolver.createSolver(engine);
    if (solver == null) throw new SolverFailureException("OR-Tools has no " + engine + " solver");
    try {
      // Engine parameters as text ("limits/gap = 1e-4"), for experiments: the system property.
      String params =
          System.getProperty(
              "optimizer." + engine.toLowerCase(Locale.ROOT) + ".params",
              engine.equals("SCIP") && integers(model) <= SMALL_MODEL_INTEGERS
                  ? SMALL_MODEL_SCIP_PARAMETERS
                  : null);
      if (params != null
          && !params.isBlank()
          && !solver.setSolverSpecificParametersAsString(params)) {
        throw new SolverFailureException("invalid " + engine + " parameters: " + params);
      }
      LpPartSolver.load(solver, model, named, what);
      modelled[0] = System.nanoTime();
      solver.setTimeLimit(LpPartSolver.remainingMillis(deadlineNanos));
      MPSolverParameters parameters = new MPSolverParameters();
      try {
        parameters.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, relativeGap);
        solver.solve(parameters);
      } finally {
        parameters.delete();
      }
      return solver.createSolutionResponseProto();
    } finally {
      solver.delete();
    }
  }

  /**
   * The tightest level of a frontier's limit at which one part can be bought under its rules, or
   * the status without one: INFEASIBLE when no level up to {@code top} is, TIME_LIMIT when the
   * search ran out of time. The MIP that minimises the level, with the varied rows' right-hand
   * sides at {@code level * demand} and costs left out. Fixed costs do not change what can be
   * bought, so one part needs none of the materials its suppliers couple it with.
   */
  public static Level tightestLevel(
      MaterialPart part, int[] varied, Rules rules, double top, long deadlineNanos) {
    if (System.nanoTime() >= deadlineNanos) return new Level(Status.TIME_LIMIT, Double.NaN);
    if (LpPartSolver.infeasibleWithoutModel(part)) return new Level(Status.INFEASIBLE, Double.NaN);
    Model whole = Model.of(List.of(part), rules, false);
    MPModelProto.Builder model = whole.model;
    LpPartSolver.Built built = whole.parts[0];
    for (int j = 0; j < model.getVariableCount(); j++)
      model.getVariableBuilder(j).setObjectiveCoefficient(0);
    int level = variable(model, 0, top, 1, false, null);
    for (int r : varied) {
      if (built.rows[r] < 0) continue;
      model
          .getConstraintBuilder(built.rows[r])
          .setUpperBound(0)
          .addVarIndex(level)
          .addCoefficient(-part.demand);
    }
    MPSolutionResponse response =
        run(model, false, part.material, 1e-9, deadlineNanos, new long[1]);
    Status status = LpPartSolver.outcome(response, engine(), part.material, deadlineNanos);
    return status == Status.OPTIMAL
        ? new Level(status, Math.max(0.0, response.getVariableValue(level)))
        : new Level(status, Double.NaN);
  }

  /** A tightest level (NaN unless the status is OPTIMAL). */
  public record Level(Status status, double level) {}

  private static int integers(MPModelProto.Builder model) {
    int count = 0;
    for (MPVariableProto.Builder v : model.getVariableBuilderList()) if (v.getIsInteger()) count++;
    return count;
  }

  private static Result unsolved(Status status, int count) {
    PartResult[] results = new PartResult[count];
    for (int p = 0; p < count; p++)
      results[p] = PartResult.unsolved(status, engine(), PartResult.Effort.NONE);
    return new Result(status, results, Map.of(), Double.NaN, Double.NaN);
  }

  /**
   * Sets the model's solution hint to the plan, every variable given (SCIP takes a complete hint as
   * a solution; a partial one it would first have to complete): the integer decisions follow from
   * the quantities.
   */
  private static void hint(
      MPModelProto.Builder model,
      LpPartSolver.Built[] built,
      Decisions[] decisions,
      Map<String, Integer> fixedCostVars,
      Result plan) {
    double[] values = new double[model.getVariableCount()];
    for (int p = 0; p < built.length; p++) {
      MaterialPart part = built[p].part;
      PartResult result = plan.parts()[p];
      if (built[p].shortfall >= 0) values[built[p].shortfall] = result.shortfall;
      for (int i = 0; i < part.n; i++) {
        double q = result.x[i];
        if (built[p].x[i] < 0 || q <= 0) continue;
        values[built[p].x[i]] = q;
        Decisions d = decisions[p];
        if (d.lots[i] >= 0) values[d.lots[i]] = Math.rint(q / d.lotSize[i]);
        if (d.awarded[i] >= 0) values[d.awarded[i]] = 1;
        if (d.supplier[i] >= 0) values[d.supplier[i]] = 1;
        Integer paid = fixedCostVars.get(part.supplierIds[i]);
        if (paid != null) values[paid] = 1;
      }
    }
    var hint = model.getSolutionHintBuilder();
    for (int j = 0; j < values.length; j++) hint.addVarIndex(j).addVarValue(values[j]);
  }

  /** The MIP of some parts: each part's LP rows and variables, its decisions, the fixed costs. */
  private record Model(
      MPModelProto.Builder model,
      LpPartSolver.Built[] parts,
      Decisions[] decisions,
      Map<String, Integer> fixedCostVars) {

    /**
     * Builds the MIP with big-Ms from every cap on an offer where the model is small; a large one
     * (more than {@link #SMALL_MODEL_INTEGERS} integers, built again) keeps capacity and demand as
     * big-Ms, the formulation its SCIP cuts were measured with (10,000 offers: 1e-4 in 17.8 s
     * against 20.1 s with the caps' big-Ms, medians of 3 in one run).
     */
    static Model of(List<MaterialPart> parts, Rules rules, boolean named) {
      Model model = build(parts, rules, named, true);
      return integers(model.model) <= SMALL_MODEL_INTEGERS
          ? model
          : build(parts, rules, named, false);
    }

    private static Model build(
        List<MaterialPart> parts, Rules rules, boolean named, boolean capsInBigM) {
      MPModelProto.Builder model = MPModelProto.newBuilder();
      int count = parts.size();
      LpPartSolver.Built[] built = new LpPartSolver.Built[count];
      Decisions[] decisions = new Decisions[count];
      Map<String, Integer> fixedCostVars = new LinkedHashMap<>();
      for (int p = 0; p < count; p++) {
        built[p] = LpPartSolver.append(model, parts.get(p), named);
        decisions[p] = addRules(model, built[p], rules, fixedCostVars, named, capsInBigM);
      }
      return new Model(model, built, decisions, fixedCostVars);
    }
  }

  /** Adds the integer decisions and rows of the rules that concern one appended part. */
  private static Decisions addRules(
      MPModelProto.Builder model,
      LpPartSolver.Built built,
      Rules rules,
      Map<String, Integer> fixedCostVars,
      boolean named,
      boolean capsInBigM) {
    MaterialPart part = built.part;
    Decisions decisions = new Decisions(part.n);
    Reach reach = new Reach(built, capsInBigM);
    double[] most = reach.most;
    Map<Integer, List<Integer>> bySupplier = new HashMap<>();
    for (int i = 0; i < part.n; i++) {
      int x = built.x[i];
      if (x < 0) continue;
      bySupplier.computeIfAbsent(part.supplierIndex[i], s -> new ArrayList<>()).add(i);
      OfferInput offer = rules.offers().get(part.offerIds[i]);
      if (offer == null) continue;
      double capacity = part.capacity[i];
      String id = part.offerIds[i];
      if (offer.lotSize() != null) {
        double lot = offer.lotSize();
        double lots = Math.floor(most[i] / lot + 1e-9);
        int k = variable(model, 0, lots, 0, true, named ? "lots[" + id + "]" : null);
        row(
            model,
            0,
            0,
            new int[] {x, k},
            new double[] {1, -lot},
            named ? "lot[" + id + "]" : null);
        decisions.lots[i] = k;
        decisions.lotSize[i] = lot;
      }
      if (offer.minQuantity() != null) {
        double min = offer.minQuantity();
        if (min > capacity) {
          // Its minimum is beyond what it can supply: the offer cannot be awarded at all.
          model.getVariableBuilder(x).setUpperBound(0.0);
          continue;
        }
        int y = variable(model, 0, 1, 0, true, named ? "awarded[" + id + "]" : null);
        String name = named ? "minOrder[" + id + "]" : null;
        row(model, 0, Double.POSITIVE_INFINITY, new int[] {x, y}, new double[] {1, -min}, name);
        row(
            model,
            Double.NEGATIVE_INFINITY,
            0,
            new int[] {x, y},
            new double[] {1, -most[i]},
            named ? "awardedCap[" + id + "]" : null);
        decisions.awarded[i] = y;
      }
    }
    Counts bounds = rules.counts(part.material);
    boolean counts = bounds.any() && part.demand > 0;
    List<Integer> countVars = new ArrayList<>();
    for (List<Integer> offers : bySupplier.values()) {
      String supplier = part.supplierIds[offers.get(0)];
      double fixedCost = rules.fixedCost(supplier);
      if (!counts && fixedCost <= 0) continue;
      int w = -1;
      if (fixedCost > 0) {
        w =
            fixedCostVars.computeIfAbsent(
                supplier,
                s -> variable(model, 0, 1, fixedCost, true, named ? "paid[" + s + "]" : null));
      }
      int link = w;
      if (counts) {
        link =
            variable(
                model,
                0,
                1,
                0,
                true,
                named ? "counted[" + supplier + "," + part.material + "]" : null);
        countVars.add(link);
        if (w >= 0)
          row(model, Double.NEGATIVE_INFINITY, 0, new int[] {link, w}, new double[] {1, -1}, null);
      }
      // One row per offer, x <= M * link (or y <= link for an offer with its own award binary y,
      // x <= M * y being in the model), rather than only one per supplier: the LP relaxation is
      // tighter (an offer cannot borrow its supplier's other capacities), which SCIP needs to
      // prove optimality fast.
      int[] vars = new int[offers.size() + 1];
      double[] ones = new double[offers.size() + 1];
      double capacity = 0;
      double each = 0;
      for (int k = 0; k < offers.size(); k++) {
        int i = offers.get(k);
        vars[k] = built.x[i];
        ones[k] = 1;
        capacity += part.capacity[i];
        each += most[i];
        decisions.supplier[i] = link;
        int y = decisions.awarded[i];
        row(
            model,
            Double.NEGATIVE_INFINITY,
            0,
            new int[] {y >= 0 ? y : built.x[i], link},
            new double[] {1, y >= 0 ? -1 : -most[i]},
            named ? "supplierAward[" + part.offerIds[i] + "]" : null);
      }
      // The supplier's offers together, x_s <= M_s * link, where a cap holds them below the sum of
      // their own bounds (a supplier cap of half the demand): tighter still.
      double together = reach.together(offers);
      if (together < each) {
        double[] coefficients = ones.clone();
        coefficients[offers.size()] = -together;
        vars[offers.size()] = link;
        row(model, Double.NEGATIVE_INFINITY, 0, vars, coefficients, null);
      }
      if (counts) {
        vars[offers.size()] = link;
        ones[offers.size()] = -Math.min(capacity, MIN_COUNTED_SHARE * part.demand);
        row(model, 0, Double.POSITIVE_INFINITY, vars, ones, null);
        // A supplier with no capacity left (a stress test's shock) receives nothing: not counted.
        if (capacity <= 0) model.getVariableBuilder(link).setUpperBound(0);
      }
    }
    if (counts) {
      int[] vars = countVars.stream().mapToInt(Integer::intValue).toArray();
      double[] ones = new double[vars.length];
      java.util.Arrays.fill(ones, 1.0);
      row(
          model,
          bounds.min() == null ? 0 : bounds.min(),
          bounds.max() == null ? Double.POSITIVE_INFINITY : bounds.max(),
          vars,
          ones,
          named ? "supplierCount[" + part.material + "]" : null);
    }
    return decisions;
  }

  /**
   * How much the candidates of a part can be bought, from their capacities, demand and the quantity
   * caps in the model (the big-M of the award rows: the smaller, the tighter the LP).
   */
  private static final class Reach {
    /** Per candidate: capacity, never more than demand nor any cap that holds it. */
    final double[] most;

    private final double[] rhs;
    private final List<List<Integer>> capsOf = new ArrayList<>();

    Reach(LpPartSolver.Built built, boolean caps) {
      MaterialPart part = built.part;
      most = new double[part.n];
      rhs = new double[part.rows.size()];
      for (int i = 0; i < part.n; i++) {
        most[i] = Math.min(part.capacity[i], Math.max(0.0, part.demand));
        capsOf.add(new ArrayList<>());
      }
      for (int r = 0; r < rhs.length; r++) {
        PolicyRow row = part.rows.get(r);
        if (!caps || built.rows[r] < 0 || row.isLowerBound() || row.coef != null) continue;
        rhs[r] = Math.max(0.0, row.rhs);
        for (int i : row.members) {
          most[i] = Math.min(most[i], rhs[r]);
          capsOf.get(i).add(r);
        }
      }
    }

    /** The most the candidates can be bought together: the sum of theirs, or a cap on them all. */
    double together(List<Integer> candidates) {
      double sum = 0;
      Map<Integer, Integer> holding = new HashMap<>();
      for (int i : candidates) {
        sum += most[i];
        for (int r : capsOf.get(i)) holding.merge(r, 1, Integer::sum);
      }
      for (var e : holding.entrySet())
        if (e.getValue() == candidates.size()) sum = Math.min(sum, rhs[e.getKey()]);
      return sum;
    }
  }

  private static int variable(
      MPModelProto.Builder model,
      double lower,
      double upper,
      double cost,
      boolean integer,
      String name) {
    MPVariableProto.Builder v =
        MPVariableProto.newBuilder()
            .setLowerBound(lower)
            .setUpperBound(upper)
            .setObjectiveCoefficient(cost)
            .setIsInteger(integer);
    if (name != null) v.setName(name);
    model.addVariable(v);
    return model.getVariableCount() - 1;
  }

  private static void row(
      MPModelProto.Builder model,
      double lower,
      double upper,
      int[] vars,
      double[] coefficients,
      String name) {
    MPConstraintProto.Builder c =
        MPConstraintProto.newBuilder().setLowerBound(lower).setUpperBound(upper);
    for (int k = 0; k < vars.length; k++) c.addVarIndex(vars[k]).addCoefficient(coefficients[k]);
    if (name != null) c.setName(name);
    model.addConstraint(c);
  }

  /**
   * The LP with every integer column fixed at its rounded value, solved by GLOP: null unless
   * OPTIMAL (its values and duals are then used). A big-M row {@code x <= M * z} whose decisions
   * are all 1 only repeats a bound its M came from (a capacity, the demand or a policy cap): it is
   * freed, so that the dual of a binding cap goes to the cap, where the explanations read it, and
   * not to its copy.
   */
  private static MPSolutionResponse solveFixed(
      MPModelProto.Builder model, double[] values, long deadlineNanos) {
    MPModelProto.Builder lp = model.clone();
    for (int j = 0; j < lp.getVariableCount(); j++) {
      MPVariableProto.Builder v = lp.getVariableBuilder(j);
      if (!v.getIsInteger()) continue;
      double value = Math.rint(values[j]);
      v.setIsInteger(false).setLowerBound(value).setUpperBound(value);
    }
    for (MPConstraintProto.Builder row : lp.getConstraintBuilderList()) {
      if (row.getUpperBound() != 0 || row.getLowerBound() != Double.NEGATIVE_INFINITY) continue;
      boolean bigM = false;
      for (int k = 0; k < row.getVarIndexCount(); k++) {
        int j = row.getVarIndex(k);
        if (!model.getVariable(j).getIsInteger()) continue;
        bigM = row.getCoefficient(k) < 0 && Math.rint(values[j]) == 1;
        if (!bigM) break;
      }
      if (bigM) row.setUpperBound(Double.POSITIVE_INFINITY);
    }
    MPModelRequest request =
        MPModelRequest.newBuilder()
            .setModel(lp)
            .setSolverType(MPModelRequest.SolverType.GLOP_LINEAR_PROGRAMMING)
            .setSolverTimeLimitSeconds(LpPartSolver.remainingMillis(deadlineNanos) / 1000.0)
            .build();
    MPSolutionResponse response = MPSolver.solveWithProto(request);
    return response.getStatus() == MPSolverResponseStatus.MPSOLVER_OPTIMAL ? response : null;
  }

  /**
   * One part's plan: quantities cleaned of solver noise against the integer decisions (an offer not
   * awarded buys exactly 0, a lot offer exactly whole lots), duals of the fixed LP.
   */
  private static PartResult read(
      LpPartSolver.Built built,
      Decisions decisions,
      double[] values,
      MPSolutionResponse fixed,
      Status status,
      PartResult.Effort effort) {
    MaterialPart part = built.part;
    double[] x = new double[part.n];
    for (int i = 0; i < part.n; i++) {
      if (built.x[i] < 0) continue;
      double q = Math.max(0.0, values[built.x[i]]);
      if (decisions.awarded[i] >= 0 && values[decisions.awarded[i]] < 0.5) q = 0;
      if (decisions.supplier[i] >= 0 && values[decisions.supplier[i]] < 0.5) q = 0;
      if (decisions.lots[i] >= 0) q = decisions.lotSize[i] * values[decisions.lots[i]];
      x[i] = Math.min(q, part.capacity[i]);
    }
    double shortfall = built.shortfall < 0 ? 0.0 : Math.max(0.0, values[built.shortfall]);
    double[] duals = new double[built.rows.length];
    if (fixed != null) {
      for (int r = 0; r < duals.length; r++)
        if (built.rows[r] >= 0) duals[r] = fixed.getDualValue(built.rows[r]);
    }
    return status == Status.OPTIMAL
        ? PartResult.optimal(engine(), x, shortfall, duals, effort)
        : PartResult.timeLimited(engine(), x, shortfall, duals, effort);
  }
}
