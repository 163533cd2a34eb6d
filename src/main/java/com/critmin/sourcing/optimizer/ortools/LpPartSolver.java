package com.critmin.sourcing.optimizer.ortools;

import com.critmin.sourcing.optimizer.SolverFailureException;
import com.critmin.sourcing.optimizer.model.Engine;
import com.critmin.sourcing.optimizer.model.Status;
import com.critmin.sourcing.optimizer.part.MaterialPart;
import com.critmin.sourcing.optimizer.part.PartResult;
import com.critmin.sourcing.optimizer.part.PolicyRow;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.List;

/**
 * Builds and solves the LP of one or more material parts with GLOP or CLP. One MPSolver per call, values
 * copied out before {@code delete()}. Only OPTIMAL is accepted as a plan; INFEASIBLE is reported; a solve
 * stopped by the deadline (or CLP's FEASIBLE at a time limit) is TIME_LIMIT.
 */
public final class LpPartSolver {
    /**
     * GLOP defaults: a part has a handful of rows and thousands of bounded columns, where the dual simplex
     * without presolve is about 4x faster than the primal default (100k offers / 10 materials: 0.18 s vs 1.5 s).
     * The system property {@code optimizer.glop.params} (protobuf text of GlopParameters) overrides it.
     */
    static final String GLOP_PARAMETERS = "use_dual_simplex:true use_preprocessing:false";

    private LpPartSolver() {}

    /** Handles into one part's model, valid only until the solver is deleted. */
    private static final class Built {
        final MaterialPart part;
        final MPVariable[] x;
        final MPVariable shortfall;
        final MPConstraint[] rows;

        Built(MaterialPart part, MPVariable[] x, MPVariable shortfall, MPConstraint[] rows) {
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
        String params = System.getProperty("optimizer." + engine.name().toLowerCase(java.util.Locale.ROOT) + ".params",
                engine == Engine.GLOP ? GLOP_PARAMETERS : null);
        if (params != null && !params.isBlank() && !solver.setSolverSpecificParametersAsString(params)) {
            throw new SolverFailureException("invalid " + engine + " parameters: " + params);
        }
        return solver;
    }

    /** Remaining milliseconds before the deadline (System.nanoTime based), at least 1. */
    static long remainingMillis(long deadlineNanos) {
        return Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000);
    }

    public static PartResult solve(MaterialPart part, Engine engine, long deadlineNanos) {
        if (System.nanoTime() >= deadlineNanos) {
            return new PartResult(Status.TIME_LIMIT, null, 0, null, false, engine.name(), 0, 0, 0, 0);
        }
        long start = System.nanoTime();
        PartResult trivial = withoutLp(part, engine);
        if (trivial != null) return trivial;
        MPSolver solver = create(engine);
        try {
            Built built = build(solver, part);
            int variables = solver.numVariables();
            int constraints = solver.numConstraints();
            long built_ = System.nanoTime();
            solver.setTimeLimit(remainingMillis(deadlineNanos));
            MPSolver.ResultStatus status = solver.solve();
            long solved = System.nanoTime();
            Status outcome = outcome(status, engine, part.material, deadlineNanos);
            if (outcome != Status.OPTIMAL) {
                return new PartResult(outcome, null, 0, null, false, engine.name(), variables, constraints,
                        built_ - start, solved - built_);
            }
            PartResult result = read(built, engine, variables, constraints, built_ - start, 0);
            return new PartResult(result.status, result.x, result.shortfall, result.rowDual, false, engine.name(),
                    variables, constraints, built_ - start, System.nanoTime() - built_);
        } finally {
            solver.delete();
        }
    }

    /**
     * Solves all parts as one monolithic model (for the benchmark's comparison). Returns the summed cost of
     * purchases plus penalties, or NaN when not OPTIMAL.
     */
    public static double solveMonolithic(List<MaterialPart> parts, Engine engine, long deadlineNanos) {
        MPSolver solver = create(engine);
        try {
            for (MaterialPart part : parts) if (part.availableCount > 0) build(solver, part);
            solver.setTimeLimit(remainingMillis(deadlineNanos));
            MPSolver.ResultStatus status = solver.solve();
            return status == MPSolver.ResultStatus.OPTIMAL ? solver.objective().value() : Double.NaN;
        } finally {
            solver.delete();
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
            if (row.active && row.isLowerBound() && row.rhs > 0 && availableMembers(part, row) == 0) return true;
        }
        return false;
    }

    /**
     * Answers without an LP where one would be empty (CLP crashes natively on an empty model or row):
     * no available offer, or a minimum share nobody can supply.
     */
    private static PartResult withoutLp(MaterialPart part, Engine engine) {
        if (unmeetableMinimum(part)) {
            return new PartResult(Status.INFEASIBLE, null, 0, null, false, engine.name(), 0, 0, 0, 0);
        }
        if (part.availableCount > 0) return null;
        if (part.demand > 0 && !part.allowShortfall) {
            return new PartResult(Status.INFEASIBLE, null, 0, null, false, engine.name(), 0, 0, 0, 0);
        }
        return new PartResult(Status.OPTIMAL, new double[part.n], Math.max(0, part.demand),
                new double[part.rows.size()], false, engine.name(), 0, 0, 0, 0);
    }

    static Status outcome(MPSolver.ResultStatus status, Engine engine, String material, long deadlineNanos) {
        switch (status) {
            case OPTIMAL:
                return Status.OPTIMAL;
            case INFEASIBLE:
                return Status.INFEASIBLE;
            case FEASIBLE:
                return Status.TIME_LIMIT;
            case NOT_SOLVED:
            case ABNORMAL:
                if (System.nanoTime() >= deadlineNanos - 5_000_000L) return Status.TIME_LIMIT;
                throw new SolverFailureException(engine + " returned " + status + " for material " + material);
            default:
                throw new SolverFailureException(engine + " returned " + status + " for material " + material);
        }
    }

    private static Built build(MPSolver solver, MaterialPart part) {
        double infinity = MPSolver.infinity();
        MPObjective objective = solver.objective();
        objective.setMinimization();
        String material = part.material;
        MPConstraint demand = solver.makeConstraint(part.demand, part.demand, "demand[" + material + "]");
        MPVariable[] x = new MPVariable[part.n];
        for (int i = 0; i < part.n; i++) {
            if (!part.isAvailable(i)) continue;
            MPVariable v = solver.makeNumVar(0.0, part.capacity[i], "x[" + part.offerIds[i] + "]");
            objective.setCoefficient(v, part.price[i]);
            demand.setCoefficient(v, 1.0);
            x[i] = v;
        }
        MPVariable shortfall = null;
        if (part.allowShortfall) {
            shortfall = solver.makeNumVar(0.0, infinity, "shortfall[" + material + "]");
            objective.setCoefficient(shortfall, part.penalty);
            demand.setCoefficient(shortfall, 1.0);
        }
        List<PolicyRow> rows = part.rows;
        MPConstraint[] constraints = new MPConstraint[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            PolicyRow row = rows.get(r);
            if (!row.active || availableMembers(part, row) == 0) continue;
            MPConstraint c = row.isLowerBound()
                    ? solver.makeConstraint(row.rhs, infinity, row.name(material))
                    : solver.makeConstraint(-infinity, row.rhs, row.name(material));
            for (int i : row.members) if (x[i] != null) c.setCoefficient(x[i], 1.0);
            constraints[r] = c;
        }
        return new Built(part, x, shortfall, constraints);
    }

    private static PartResult read(Built built, Engine engine, int variables, int constraints, long buildNanos,
                                   long solveNanos) {
        MaterialPart part = built.part;
        double[] x = new double[part.n];
        for (int i = 0; i < part.n; i++) if (built.x[i] != null) x[i] = built.x[i].solutionValue();
        double shortfall = built.shortfall == null ? 0.0 : built.shortfall.solutionValue();
        double[] duals = new double[built.rows.length];
        for (int r = 0; r < duals.length; r++) if (built.rows[r] != null) duals[r] = built.rows[r].dualValue();
        return new PartResult(Status.OPTIMAL, x, shortfall, duals, false, engine.name(), variables, constraints,
                buildNanos, solveNanos);
    }
}
