package com.critmin.sourcing.optimizer.ortools;

import com.critmin.sourcing.optimizer.model.Engine;
import com.critmin.sourcing.optimizer.model.Status;
import com.critmin.sourcing.optimizer.part.MaterialPart;
import com.critmin.sourcing.optimizer.part.PartResult;
import com.critmin.sourcing.optimizer.part.PolicyRow;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPModelProto;
import com.google.ortools.linearsolver.MPSolutionResponse;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import java.util.ArrayList;
import java.util.List;

/**
 * One material part's LP kept loaded in one {@link MPSolver} across re-solves that change only
 * bounds and right-hand sides (a frontier's level, a stress test's capacities) or add HHI cuts: the
 * engine starts each re-solve from the last optimal basis (incrementality on; GLOP's dual simplex
 * without presolve needs a handful of pivots where a cold solve needs hundreds). Values are copied
 * out of the native model after each solve. Not thread-safe: one thread owns an instance; {@link
 * #close()} (in a finally) frees the native model.
 *
 * <p>Under an HHI cap ({@code maxHhi}), every solve runs the cutting-plane loop: while some stage's
 * index (sum of squared percentage shares of demand) exceeds the cap by more than 1e-6 relative,
 * add at the current point q the tangent of the cap's boundary where the ray through q meets it
 * ({@code (q/|q|) . y <= D sqrt(maxHhi) / 100}, the supporting plane of the ball the cap defines,
 * valid for every allocation) and re-solve warm. The cuts stay: they are valid at every level.
 */
public final class WarmLp implements AutoCloseable {
  /** Cut rounds after which a solve gives up (TIME_LIMIT); far above what convergence needs. */
  static final int MAX_CUT_ROUNDS = 500;

  /** Relative HHI violation accepted as converged. */
  public static final double HHI_TOLERANCE = 1e-6;

  private final MaterialPart part;
  private final Engine engine;
  private final MPSolver solver;
  private final LpPartSolver.Built built;
  private final Double maxHhi;
  private final MPSolverParameters parameters;
  private final double[] capacity;

  /** Constraint index and stage of every HHI cut added so far. */
  private final List<int[]> cuts = new ArrayList<>();

  private long pivots;
  private int solves;

  /** Model index of the level variable of {@link #openLevelModel}, -1 otherwise. */
  private int levelVariable = -1;

  private double lastLevel = Double.NaN;

  private WarmLp(
      MaterialPart part,
      Engine engine,
      MPSolver solver,
      LpPartSolver.Built built,
      Double maxHhi,
      MPSolverParameters parameters) {
    this.part = part;
    this.engine = engine;
    this.solver = solver;
    this.built = built;
    this.maxHhi = maxHhi;
    this.parameters = parameters;
    this.capacity = part.capacity.clone();
  }

  /**
   * Loads the part's LP; a part that needs no LP (nothing available, an unmeetable minimum) gets an
   * instance that answers like {@link LpPartSolver#solve} without a native model.
   */
  public static WarmLp open(MaterialPart part, Engine engine, Double maxHhi) {
    if (part.availableCount == 0 || LpPartSolver.unmeetableMinimum(part)) {
      return new WarmLp(part, engine, null, null, maxHhi, null);
    }
    MPModelProto.Builder model = MPModelProto.newBuilder();
    LpPartSolver.Built built = LpPartSolver.append(model, part, false);
    MPSolver solver = LpPartSolver.create(engine);
    try {
      LpPartSolver.load(solver, model, false, part.material);
      MPSolverParameters parameters = new MPSolverParameters();
      parameters.setIntegerParam(
          MPSolverParameters.IntegerParam.INCREMENTALITY,
          MPSolverParameters.IncrementalityValues.INCREMENTALITY_ON.swigValue());
      return new WarmLp(part, engine, solver, built, maxHhi, parameters);
    } catch (RuntimeException e) {
      solver.delete();
      throw e;
    }
  }

  /**
   * The LP with the varied rows' level as a variable: minimise L subject to {@code sum x <= L * D}
   * on every varied row, demand met (in full unless the part allows shortfall) and every other
   * limit (HHI cap included) as loaded. After an OPTIMAL {@link #solve}, {@link #level()} is the
   * tightest feasible level.
   */
  public static WarmLp openLevelModel(
      MaterialPart part, int[] variedRows, Engine engine, Double maxHhi) {
    if (part.availableCount == 0 || LpPartSolver.unmeetableMinimum(part) || part.demand <= 0) {
      return null;
    }
    MPModelProto.Builder model = MPModelProto.newBuilder();
    LpPartSolver.Built built = LpPartSolver.append(model, part, false);
    for (int v = 0; v < model.getVariableCount(); v++) {
      model.getVariableBuilder(v).setObjectiveCoefficient(0.0);
    }
    int level = model.getVariableCount();
    model.addVariable(
        com.google.ortools.linearsolver.MPVariableProto.newBuilder()
            .setLowerBound(0.0)
            .setUpperBound(Double.POSITIVE_INFINITY)
            .setObjectiveCoefficient(1.0)
            .setName("level"));
    for (int r : variedRows) {
      int index = built.rows[r];
      if (index < 0) continue;
      model
          .getConstraintBuilder(index)
          .addVarIndex(level)
          .addCoefficient(-part.demand)
          .setUpperBound(0.0);
    }
    MPSolver solver = LpPartSolver.create(engine);
    try {
      LpPartSolver.load(solver, model, false, part.material);
      MPSolverParameters parameters = new MPSolverParameters();
      WarmLp lp = new WarmLp(part, engine, solver, built, maxHhi, parameters);
      lp.levelVariable = level;
      return lp;
    } catch (RuntimeException e) {
      solver.delete();
      throw e;
    }
  }

  /** The level of the last OPTIMAL solve of a level model; NaN otherwise. */
  public double level() {
    return lastLevel;
  }

  /** The part as loaded (its rows at their loaded right-hand sides). */
  public MaterialPart part() {
    return part;
  }

  /** Moves a policy row's right-hand side: a cap's upper bound, a minimum's lower bound. */
  public void setRhs(int policyRow, double rhs) {
    if (solver == null) return;
    int index = built.rows[policyRow];
    if (index < 0) return;
    PolicyRow row = part.rows.get(policyRow);
    if (row.isLowerBound()) solver.constraint(index).setLb(rhs);
    else solver.constraint(index).setUb(rhs);
  }

  /** Sets one candidate's capacity (its variable's upper bound). */
  public void setCapacity(int candidate, double value) {
    capacity[candidate] = value;
    if (solver == null) return;
    int index = built.x[candidate];
    if (index >= 0) solver.variable(index).setUb(value);
  }

  /** Simplex pivots over every solve so far. */
  public long pivots() {
    return pivots;
  }

  /** Engine solves so far (cut rounds included). */
  public int solves() {
    return solves;
  }

  /**
   * Solves from the last basis, running the HHI cut loop under a cap. OPTIMAL results carry
   * quantities and row duals (rows left out of the model: 0); INFEASIBLE and TIME_LIMIT carry none.
   */
  public PartResult solve(long deadlineNanos) {
    if (solver == null) {
      PartResult trivial = LpPartSolver.solve(part.withCapacity(capacity), engine, deadlineNanos);
      return maxHhi == null ? trivial : withHhiOf(trivial, 0, null);
    }
    long start = System.nanoTime();
    int rounds = 0;
    while (true) {
      if (System.nanoTime() >= deadlineNanos) {
        return PartResult.unsolved(Status.TIME_LIMIT, engine.name(), effort(start));
      }
      solver.setTimeLimit(LpPartSolver.remainingMillis(deadlineNanos));
      solver.solve(parameters);
      solves++;
      pivots += solver.iterations();
      MPSolutionResponse response = solver.createSolutionResponseProto();
      Status status = LpPartSolver.outcome(response, engine, part.material, deadlineNanos);
      if (status != Status.OPTIMAL) {
        return PartResult.unsolved(status, engine.name(), effort(start));
      }
      double[] x = new double[part.n];
      for (int i = 0; i < part.n; i++) {
        if (built.x[i] >= 0) x[i] = response.getVariableValue(built.x[i]);
      }
      if (levelVariable >= 0) lastLevel = response.getVariableValue(levelVariable);
      if (maxHhi == null || !addViolatedCuts(x)) {
        PartResult result = read(response, x, start);
        return maxHhi == null ? result : withHhiOf(result, rounds, response);
      }
      rounds++;
      if (rounds > MAX_CUT_ROUNDS) {
        return PartResult.unsolved(Status.TIME_LIMIT, engine.name(), effort(start));
      }
    }
  }

  /**
   * The optimum's objective, shortfall and summed dual of some rows, without copying quantities
   * out: a frontier's re-solve needs no more. Null when the solve is not OPTIMAL ({@code
   * timedOut()} tells TIME_LIMIT apart). Only without an HHI cap (the cut loop needs the
   * quantities); with one, use {@link #solve}.
   */
  public Summary solveSummary(int[] rows, long deadlineNanos) {
    if (solver == null || maxHhi != null) {
      PartResult r = solve(deadlineNanos);
      lastTimedOut = r.status == Status.TIME_LIMIT;
      if (r.x == null) return null;
      double duals = 0;
      for (int row : rows) duals += r.rowDual[row];
      return new Summary(r.objective(part.withCapacity(capacity)), r.shortfall, duals);
    }
    lastTimedOut = false;
    if (System.nanoTime() >= deadlineNanos) {
      lastTimedOut = true;
      return null;
    }
    solver.setTimeLimit(LpPartSolver.remainingMillis(deadlineNanos));
    MPSolver.ResultStatus status = solver.solve(parameters);
    solves++;
    pivots += solver.iterations();
    if (status != MPSolver.ResultStatus.OPTIMAL) {
      lastTimedOut = status != MPSolver.ResultStatus.INFEASIBLE;
      return null;
    }
    double duals = 0;
    for (int row : rows) {
      int index = built.rows[row];
      if (index >= 0) duals += solver.constraint(index).dualValue();
    }
    double shortfall = built.shortfall < 0 ? 0.0 : solver.variable(built.shortfall).solutionValue();
    return new Summary(solver.objective().value(), shortfall, duals);
  }

  private boolean lastTimedOut;

  /** Whether the last {@link #solveSummary} stopped without a verdict (deadline, engine limit). */
  public boolean timedOut() {
    return lastTimedOut;
  }

  /** Objective (purchase cost plus shortfall penalty), shortfall and a sum of row duals. */
  public record Summary(double objective, double shortfall, double duals) {}

  private PartResult.Effort effort(long start) {
    int variables = built == null ? 0 : built.x.length;
    int constraints = solver == null ? 0 : solver.numConstraints();
    return new PartResult.Effort(variables, constraints, 0, System.nanoTime() - start);
  }

  private PartResult read(MPSolutionResponse response, double[] x, long start) {
    double shortfall = built.shortfall < 0 ? 0.0 : response.getVariableValue(built.shortfall);
    double[] duals = new double[built.rows.length];
    for (int r = 0; r < duals.length; r++) {
      if (built.rows[r] >= 0) duals[r] = response.getDualValue(built.rows[r]);
    }
    return PartResult.optimal(engine.name(), x, shortfall, duals, effort(start));
  }

  /** Per stage, the country quantities at x. */
  private double[][] quantities(double[] x) {
    double[][] q = new double[part.stages.length][part.countries.length];
    for (int g = 0; g < part.stages.length; g++) {
      int[] of = part.countryOf[g];
      for (int i = 0; i < part.n; i++) q[g][of[i]] += x[i];
    }
    return q;
  }

  /** The HHI of one stage's country quantities, as squared percentage shares of demand. */
  public static double hhi(double[] quantities, double demand) {
    if (demand <= 0) return 0.0;
    double sum = 0;
    for (double v : quantities) sum += (v / demand) * (v / demand);
    return sum * 10_000;
  }

  /** Adds a cut for every stage whose HHI exceeds the cap; false when none does. */
  private boolean addViolatedCuts(double[] x) {
    double cap = maxHhi;
    double demand = part.demand;
    if (demand <= 0) return false;
    double[][] q = quantities(x);
    boolean added = false;
    for (int g = 0; g < q.length; g++) {
      double index = hhi(q[g], demand);
      if (index - cap <= HHI_TOLERANCE * Math.max(cap, 1.0)) continue;
      double norm = 0;
      for (double v : q[g]) norm += v * v;
      norm = Math.sqrt(norm);
      double rhs = demand * Math.sqrt(cap) / 100.0;
      MPConstraint cut =
          solver.makeConstraint(
              -MPSolver.infinity(), rhs, "hhiCut[" + part.stages[g] + "," + part.material + "]");
      int[] of = part.countryOf[g];
      for (int i = 0; i < part.n; i++) {
        if (built.x[i] < 0) continue;
        double coefficient = q[g][of[i]] / norm;
        if (coefficient != 0) cut.setCoefficient(solver.variable(built.x[i]), coefficient);
      }
      cuts.add(new int[] {cut.index(), g});
      added = true;
    }
    return added;
  }

  /**
   * The result with its HHI per stage and the cap's price per stage: each cut's dual times how its
   * right-hand side {@code D sqrt(H) / 100} moves per index point, {@code D / (200 sqrt(H))}.
   */
  private PartResult withHhiOf(PartResult result, int rounds, MPSolutionResponse response) {
    if (result.x == null) return result;
    double[][] q = quantities(result.x);
    double[] index = new double[q.length];
    for (int g = 0; g < q.length; g++) index[g] = hhi(q[g], part.demand);
    double[] price = new double[q.length];
    if (response != null && maxHhi > 0) {
      double perPoint = part.demand / (200.0 * Math.sqrt(maxHhi));
      for (int[] cut : cuts) price[cut[1]] += response.getDualValue(cut[0]) * perPoint;
    }
    return result.withHhi(rounds, price, index);
  }

  @Override
  public void close() {
    if (solver != null) solver.delete();
  }
}
