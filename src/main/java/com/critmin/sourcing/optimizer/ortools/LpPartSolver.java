package com.critmin.sourcing.optimizer.ortools;

import com.critmin.sourcing.optimizer.SolverFailureException;
import com.critmin.sourcing.optimizer.model.Engine;
import com.critmin.sourcing.optimizer.model.Status;
import com.critmin.sourcing.optimizer.part.MaterialPart;
import com.critmin.sourcing.optimizer.part.PartResult;
import com.critmin.sourcing.optimizer.part.PolicyRow;
import com.google.ortools.linearsolver.MPConstraintProto;
import com.google.ortools.linearsolver.MPModelProto;
import com.google.ortools.linearsolver.MPModelRequest;
import com.google.ortools.linearsolver.MPSolutionResponse;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariableProto;
import java.util.List;

/**
 * Builds and solves the LP of one or more material parts with GLOP or CLP. The model is built in
 * Java as an {@code MPModelProto} and crosses JNI once; GLOP solves it through {@code
 * MPSolver.solveWithProto}, CLP through one MPSolver per call, values copied out before {@code
 * delete()}. Only OPTIMAL is accepted as a plan; INFEASIBLE is reported; a solve stopped by the
 * deadline (or CLP's FEASIBLE at a time limit) is TIME_LIMIT.
 */
public final class LpPartSolver {
  /**
   * GLOP defaults: a part has a handful of rows and thousands of bounded columns, where the dual
   * simplex without presolve is about 4x faster than the primal default (100k offers / 10
   * materials: 0.18 s vs 1.5 s). The system property {@code optimizer.glop.params} (protobuf text
   * of GlopParameters) overrides it.
   */
  static final String GLOP_PARAMETERS = "use_dual_simplex:true use_preprocessing:false";

  private LpPartSolver() {}

  /**
   * Models with at most this many variables carry names ({@code x[offer]}, {@code
   * cap[CN,SUPPLY,M]}) so an exported model reads well; larger ones leave them out (a million
   * strings nobody reads, serialised and parsed).
   */
  static final int NAMED_VARIABLE_LIMIT = 5_000;

  /** Where one part's columns and rows sit in the model, valid for the model it was appended to. */
  static final class Built {
    final MaterialPart part;

    /** Model variable index per candidate, -1 for excluded ones. */
    final int[] x;

    /** Model variable index of the shortfall, -1 without one. */
    final int shortfall;

    /** Model row index per policy row, -1 for rows left out. */
    final int[] rows;

    Built(MaterialPart part, int[] x, int shortfall, int[] rows) {
      this.part = part;
      this.x = x;
      this.shortfall = shortfall;
      this.rows = rows;
    }
  }

  static MPSolver create(Engine engine) {
    OrTools.ensureLoaded();
    MPSolver solver = MPSolver.createSolver(engine.name());
    if (solver == null) throw new SolverFailureException("OR-Tools has no " + engine + " solver");
    String params =
        engine == Engine.GLOP
            ? glopParameters()
            : System.getProperty(
                "optimizer." + engine.name().toLowerCase(java.util.Locale.ROOT) + ".params");
    if (params != null
        && !params.isBlank()
        && !solver.setSolverSpecificParametersAsString(params)) {
      throw new SolverFailureException("invalid " + engine + " parameters: " + params);
    }
    return solver;
  }

  /**
   * Remaining milliseconds before the deadline (System.nanoTime based), at least 1; a year without
   * one.
   */
  static long remainingMillis(long deadlineNanos) {
    if (deadlineNanos == Long.MAX_VALUE) return NO_DEADLINE_MILLIS;
    return Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000);
  }

  /** The engine's time limit when the solve has none. */
  private static final long NO_DEADLINE_MILLIS = 365L * 24 * 3600 * 1000;

  public static PartResult solve(MaterialPart part, Engine engine, long deadlineNanos) {
    if (System.nanoTime() >= deadlineNanos) {
      return PartResult.unsolved(Status.TIME_LIMIT, engine.name(), PartResult.Effort.NONE);
    }
    long start = System.nanoTime();
    PartResult trivial = withoutLp(part, engine);
    if (trivial != null) return trivial;
    MPModelProto.Builder model = MPModelProto.newBuilder();
    boolean named = part.availableCount + (part.allowShortfall ? 1 : 0) <= NAMED_VARIABLE_LIMIT;
    Built built = append(model, part, named);
    int variables = model.getVariableCount();
    int constraints = model.getConstraintCount();
    long modelled;
    MPSolutionResponse response;
    if (engine == Engine.GLOP) {
      // The model goes to GLOP directly, without the MPSolver's own variable and constraint
      // objects (about a quarter less CPU than loading an MPSolver for 10k-offer parts), and
      // nothing native outlives the call.
      MPModelRequest request =
          MPModelRequest.newBuilder()
              .setModel(model)
              .setSolverType(MPModelRequest.SolverType.GLOP_LINEAR_PROGRAMMING)
              .setSolverTimeLimitSeconds(remainingMillis(deadlineNanos) / 1000.0)
              .setSolverSpecificParameters(glopParameters())
              .build();
      modelled = System.nanoTime();
      response = MPSolver.solveWithProto(request);
    } else {
      MPSolver solver = loaded(engine, model, named, part.material);
      try {
        modelled = System.nanoTime();
        response = solveIn(solver, deadlineNanos);
      } finally {
        solver.delete();
      }
    }
    long solved = System.nanoTime();
    return answer(
        built,
        response,
        engine,
        deadlineNanos,
        new PartResult.Effort(variables, constraints, modelled - start, solved - modelled));
  }

  /**
   * Solves the part as {@link #solve} does, but in an {@link MPSolver} left open: with an OPTIMAL
   * result comes a {@link Resolver} warm from its optimal basis, so that binding limits are priced
   * by warm re-solves without building and solving the part a second time (about half the CPU of an
   * ERP-size plan's binding analysis). The caller closes it.
   */
  public static Warm solveWarm(MaterialPart part, Engine engine, long deadlineNanos) {
    if (System.nanoTime() >= deadlineNanos) {
      return new Warm(
          PartResult.unsolved(Status.TIME_LIMIT, engine.name(), PartResult.Effort.NONE), null);
    }
    long start = System.nanoTime();
    PartResult trivial = withoutLp(part, engine);
    if (trivial != null) return new Warm(trivial, null);
    MPModelProto.Builder model = MPModelProto.newBuilder();
    Built built = append(model, part, false);
    int variables = model.getVariableCount();
    int constraints = model.getConstraintCount();
    MPSolver solver = loaded(engine, model, false, part.material);
    try {
      long modelled = System.nanoTime();
      MPSolutionResponse response = solveIn(solver, deadlineNanos);
      long solved = System.nanoTime();
      PartResult result =
          answer(
              built,
              response,
              engine,
              deadlineNanos,
              new PartResult.Effort(variables, constraints, modelled - start, solved - modelled));
      if (result.status != Status.OPTIMAL) {
        solver.delete();
        return new Warm(result, null);
      }
      return new Warm(
          result, new Resolver(solver, built, deadlineNanos, response.getObjectiveValue()));
    } catch (RuntimeException | Error e) {
      solver.delete();
      throw e;
    }
  }

  /** A new solver of the engine with the model loaded; nothing native is left on failure. */
  private static MPSolver loaded(
      Engine engine, MPModelProto.Builder model, boolean named, String what) {
    MPSolver solver = create(engine);
    try {
      load(solver, model, named, what);
      return solver;
    } catch (RuntimeException | Error e) {
      solver.delete();
      throw e;
    }
  }

  /** Solves what the solver holds within the deadline; its answer as a response. */
  private static MPSolutionResponse solveIn(MPSolver solver, long deadlineNanos) {
    solver.setTimeLimit(remainingMillis(deadlineNanos));
    solver.solve();
    return solver.createSolutionResponseProto();
  }

  /** The part's result from the engine's answer: values and duals when OPTIMAL. */
  private static PartResult answer(
      Built built,
      MPSolutionResponse response,
      Engine engine,
      long deadlineNanos,
      PartResult.Effort effort) {
    Status outcome = outcome(response, engine, built.part.material, deadlineNanos);
    if (outcome != Status.OPTIMAL) return PartResult.unsolved(outcome, engine.name(), effort);
    return read(built, response, engine, effort);
  }

  /** A part's result and, when it is OPTIMAL, its solver still warm; close it once done. */
  public record Warm(PartResult result, Resolver resolver) implements AutoCloseable {
    @Override
    public void close() {
      if (resolver != null) resolver.close();
    }
  }

  /**
   * Re-solves one part's LP with some policy rows moved, to price a limit exactly where the dual of
   * one (possibly degenerate) basis cannot. The model is loaded once into an {@link MPSolver}; the
   * first solve is cold, later ones change only row bounds and warm-start from the previous basis
   * (GLOP's and CLP's dual simplex need a few pivots), so each extra figure costs far less than the
   * part's own solve. Not thread-safe; {@link #close()} frees the native model.
   */
  public static final class Resolver implements AutoCloseable {
    private final MPSolver solver;
    private final Built built;
    private final long deadlineNanos;

    /** The objective of the part as built, when already solved to optimality; else NaN. */
    private final double solved;

    private Resolver(MPSolver solver, Built built, long deadlineNanos, double solved) {
      this.solver = solver;
      this.built = built;
      this.deadlineNanos = deadlineNanos;
      this.solved = solved;
    }

    /**
     * A resolver for the part, or null when the part needs no LP (nothing available, unmeetable
     * minimum).
     */
    public static Resolver open(MaterialPart part, Engine engine, long deadlineNanos) {
      if (part.availableCount == 0 || unmeetableMinimum(part)) return null;
      MPModelProto.Builder model = MPModelProto.newBuilder();
      Built built = append(model, part, false);
      return new Resolver(
          loaded(engine, model, false, part.material), built, deadlineNanos, Double.NaN);
    }

    /**
     * The optimal objective (purchase cost plus shortfall penalty) with each given row relaxed by
     * {@code amount}: caps raised, minimum shares lowered; the rows are restored afterwards. NaN
     * when the solver does not prove optimality or the deadline has passed.
     */
    public double relaxedObjective(int[] rows, double amount) {
      if (rows.length == 0 && !Double.isNaN(solved)) return solved;
      if (System.nanoTime() >= deadlineNanos) return Double.NaN;
      List<PolicyRow> policy = built.part.rows;
      for (int r : rows) bound(policy.get(r), built.rows[r], amount);
      solver.setTimeLimit(remainingMillis(deadlineNanos));
      MPSolver.ResultStatus status = solver.solve();
      double value =
          status == MPSolver.ResultStatus.OPTIMAL ? solver.objective().value() : Double.NaN;
      for (int r : rows) bound(policy.get(r), built.rows[r], 0.0);
      return value;
    }

    private void bound(PolicyRow row, int index, double amount) {
      if (index < 0) return;
      if (row.isLowerBound()) solver.constraint(index).setLb(row.rhs - amount);
      else solver.constraint(index).setUb(row.rhs + amount);
    }

    @Override
    public void close() {
      solver.delete();
    }
  }

  static String glopParameters() {
    return System.getProperty("optimizer.glop.params", GLOP_PARAMETERS);
  }

  /**
   * The service's status for the engine's answer (OR-Tools' StiglerDiet: branch on the status
   * before reading any value). A stop without an answer near the deadline is TIME_LIMIT; any other
   * answer that is not a verdict on the problem is an engine failure.
   */
  static Status outcome(
      MPSolutionResponse response, Engine engine, String material, long deadlineNanos) {
    return outcome(response, engine.name(), material, deadlineNanos);
  }

  static Status outcome(
      MPSolutionResponse response, String engine, String material, long deadlineNanos) {
    switch (response.getStatus()) {
      case MPSOLVER_OPTIMAL:
        return Status.OPTIMAL;
      case MPSOLVER_INFEASIBLE:
        return Status.INFEASIBLE;
      case MPSOLVER_FEASIBLE:
        return Status.TIME_LIMIT;
      case MPSOLVER_NOT_SOLVED:
      case MPSOLVER_ABNORMAL:
      case MPSOLVER_CANCELLED_BY_USER:
        if (System.nanoTime() >= deadlineNanos - 5_000_000L) return Status.TIME_LIMIT;
      // fall through
      default:
        throw new SolverFailureException(
            engine
                + " returned "
                + response.getStatus()
                + " for material "
                + material
                + (response.getStatusStr().isEmpty() ? "" : ": " + response.getStatusStr()));
    }
  }

  /** Number of available offers among the row's members. */
  static int availableMembers(MaterialPart part, PolicyRow row) {
    int count = 0;
    for (int i : row.members) if (part.isAvailable(i)) count++;
    return count;
  }

  /** True when some minimum-share row has no available offer but a positive right-hand side. */
  static boolean unmeetableMinimum(MaterialPart part) {
    for (PolicyRow row : part.rows) {
      if (row.active && row.isLowerBound() && row.rhs > 0 && availableMembers(part, row) == 0)
        return true;
    }
    return false;
  }

  /**
   * Whether the part is infeasible before any model is built: nothing available for a demand that
   * must be met, or a minimum share nobody can supply (rows a model leaves out).
   */
  static boolean infeasibleWithoutModel(MaterialPart part) {
    return unmeetableMinimum(part)
        || (part.availableCount == 0 && part.demand > 0 && !part.allowShortfall);
  }

  /**
   * Answers without an LP where one would be empty (CLP crashes natively on an empty model or row):
   * no available offer, or a minimum share nobody can supply.
   */
  private static PartResult withoutLp(MaterialPart part, Engine engine) {
    if (infeasibleWithoutModel(part)) {
      return PartResult.unsolved(Status.INFEASIBLE, engine.name(), PartResult.Effort.NONE);
    }
    if (part.availableCount > 0) return null;
    return PartResult.optimal(
        engine.name(),
        new double[part.n],
        Math.max(0, part.demand),
        new double[part.rows.size()],
        PartResult.Effort.NONE);
  }

  /**
   * Loads the model in one JNI call: building it through per-variable calls (makeNumVar,
   * setCoefficient, names) crosses JNI a few times per offer, which for a million offers cost more
   * than the solve itself.
   */
  static void load(MPSolver solver, MPModelProto.Builder model, boolean named, String what) {
    MPModelProto proto = model.build();
    String error =
        named ? solver.loadModelFromProtoKeepNames(proto) : solver.loadModelFromProto(proto);
    if (error != null && !error.isEmpty()) {
      throw new SolverFailureException("invalid LP for " + what + ": " + error);
    }
  }

  /** Appends one part's columns and rows to the model (minimisation, the proto default). */
  static Built append(MPModelProto.Builder model, MaterialPart part, boolean named) {
    double infinity = Double.POSITIVE_INFINITY;
    String material = part.material;
    int[] x = new int[part.n];
    MPConstraintProto.Builder demand =
        MPConstraintProto.newBuilder().setLowerBound(part.demand).setUpperBound(part.demand);
    if (named) demand.setName("demand[" + material + "]");
    int next = model.getVariableCount();
    for (int i = 0; i < part.n; i++) {
      if (!part.isAvailable(i)) {
        x[i] = -1;
        continue;
      }
      MPVariableProto.Builder v =
          MPVariableProto.newBuilder()
              .setLowerBound(0.0)
              .setUpperBound(part.capacity[i])
              .setObjectiveCoefficient(part.price[i]);
      if (named) v.setName("x[" + part.offerIds[i] + "]");
      model.addVariable(v);
      x[i] = next;
      demand.addVarIndex(next).addCoefficient(1.0);
      next++;
    }
    int shortfall = -1;
    if (part.allowShortfall) {
      MPVariableProto.Builder v =
          MPVariableProto.newBuilder()
              .setLowerBound(0.0)
              .setUpperBound(infinity)
              .setObjectiveCoefficient(part.penalty);
      if (named) v.setName("shortfall[" + material + "]");
      model.addVariable(v);
      shortfall = next;
      demand.addVarIndex(next).addCoefficient(1.0);
      next++;
    }
    model.addConstraint(demand);
    List<PolicyRow> rows = part.rows;
    int[] rowIndex = new int[rows.size()];
    for (int r = 0; r < rows.size(); r++) {
      PolicyRow row = rows.get(r);
      rowIndex[r] = -1;
      if (!row.active || availableMembers(part, row) == 0) continue;
      MPConstraintProto.Builder c = MPConstraintProto.newBuilder();
      if (row.isLowerBound()) c.setLowerBound(row.rhs).setUpperBound(infinity);
      else c.setLowerBound(-infinity).setUpperBound(row.rhs);
      if (named) c.setName(row.name(material));
      for (int k = 0; k < row.members.length; k++) {
        int i = row.members[k];
        if (x[i] >= 0) c.addVarIndex(x[i]).addCoefficient(row.coefficient(k));
      }
      rowIndex[r] = model.getConstraintCount();
      model.addConstraint(c);
    }
    return new Built(part, x, shortfall, rowIndex);
  }

  private static PartResult read(
      Built built, MPSolutionResponse response, Engine engine, PartResult.Effort effort) {
    MaterialPart part = built.part;
    double[] x = new double[part.n];
    for (int i = 0; i < part.n; i++)
      if (built.x[i] >= 0) x[i] = response.getVariableValue(built.x[i]);
    double shortfall = built.shortfall < 0 ? 0.0 : response.getVariableValue(built.shortfall);
    double[] duals = new double[built.rows.length];
    for (int r = 0; r < duals.length; r++)
      if (built.rows[r] >= 0) duals[r] = response.getDualValue(built.rows[r]);
    return PartResult.optimal(engine.name(), x, shortfall, duals, effort);
  }
}
