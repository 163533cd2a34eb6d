package com.critmin.sourcing.optimizer.ortools;

import com.critmin.sourcing.optimizer.model.ConstraintKind;
import com.critmin.sourcing.optimizer.model.Engine;
import com.critmin.sourcing.optimizer.part.MaterialPart;
import com.critmin.sourcing.optimizer.part.PolicyRow;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The three LPs that explain an infeasible material (SPEC section 3, "Explaining the answer"). */
public final class DiagnosisLp {
  /**
   * Slack penalties as multiples of the highest price: caps < exclusions < plain capacity shortage.
   */
  static final double CAP_PENALTY = 1_000;

  static final double EXCLUSION_PENALTY = 2_000;
  static final double DEMAND_PENALTY = 5_000;

  private DiagnosisLp() {}

  /** Slacks of the elastic LP: per row of the part, per excluded country, and on demand. */
  public record ElasticResult(
      double[] rowSlack,
      List<String> excludedCountries,
      double[] exclusionSlack,
      double demandSlack,
      double spend) {}

  private static MPVariable[] availableVariables(
      MPSolver solver, MaterialPart part, boolean includeExcluded) {
    MPVariable[] x = new MPVariable[part.n];
    for (int i = 0; i < part.n; i++) {
      if (includeExcluded || part.isAvailable(i)) {
        x[i] = solver.makeNumVar(0.0, part.capacity[i], "x[" + part.offerIds[i] + "]");
      }
    }
    return x;
  }

  private static void addRow(MPSolver solver, MaterialPart part, PolicyRow row, MPVariable[] x) {
    if (LpPartSolver.availableMembers(part, row) == 0) return;
    double inf = MPSolver.infinity();
    MPConstraint c =
        row.isLowerBound()
            ? solver.makeConstraint(row.rhs, inf, row.name(part.material))
            : solver.makeConstraint(-inf, row.rhs, row.name(part.material));
    for (int k = 0; k < row.members.length; k++) {
      int i = row.members[k];
      if (x[i] != null) c.setCoefficient(x[i], row.coefficient(k));
    }
  }

  /**
   * The most that can be bought under capacities and every cap at its a*D value; NaN if not solved.
   */
  public static double maxPurchasable(MaterialPart part, Engine engine, long deadlineNanos) {
    if (part.availableCount == 0) return 0.0;
    MPSolver solver = LpPartSolver.create(engine);
    try {
      MPVariable[] x = availableVariables(solver, part, false);
      MPConstraint total =
          solver.makeConstraint(-MPSolver.infinity(), part.demand, "demand[" + part.material + "]");
      MPObjective objective = solver.objective();
      for (MPVariable v : x) {
        if (v == null) continue;
        total.setCoefficient(v, 1.0);
        objective.setCoefficient(v, 1.0);
      }
      objective.setMaximization();
      for (PolicyRow row : part.rows)
        if (row.active && !row.isLowerBound()) addRow(solver, part, row, x);
      solver.setTimeLimit(LpPartSolver.remainingMillis(deadlineNanos));
      return solver.solve() == MPSolver.ResultStatus.OPTIMAL ? objective.value() : Double.NaN;
    } finally {
      solver.delete();
    }
  }

  /**
   * The smallest share t such that capping every country at every stage (ZZ included) at t, instead
   * of the policy's country caps, is feasible with the other limits unchanged; null when even t = 1
   * is not.
   */
  public static Double minUniformCountryCap(MaterialPart part, Engine engine, long deadlineNanos) {
    if (part.availableCount == 0 || part.demand <= 0 || LpPartSolver.unmeetableMinimum(part))
      return null;
    MPSolver solver = LpPartSolver.create(engine);
    try {
      MPVariable[] x = availableVariables(solver, part, false);
      MPVariable t = solver.makeNumVar(0.0, 1.0, "uniformCap");
      MPConstraint demand =
          solver.makeConstraint(part.demand, part.demand, "demand[" + part.material + "]");
      for (MPVariable v : x) if (v != null) demand.setCoefficient(v, 1.0);
      for (int g = 0; g < part.stages.length; g++) {
        MPConstraint[] cells = new MPConstraint[part.countries.length];
        int[] of = part.countryOf[g];
        for (int i = 0; i < part.n; i++) {
          if (x[i] == null) continue;
          int c = of[i];
          if (cells[c] == null) {
            cells[c] =
                solver.makeConstraint(
                    -MPSolver.infinity(),
                    0.0,
                    "cap[" + part.countries[c] + "," + part.stages[g] + "," + part.material + "]");
            cells[c].setCoefficient(t, -part.demand);
          }
          cells[c].setCoefficient(x[i], 1.0);
        }
      }
      for (PolicyRow row : part.rows) {
        if (row.active && row.kind != ConstraintKind.COUNTRY_CAP) addRow(solver, part, row, x);
      }
      solver.objective().setCoefficient(t, 1.0);
      solver.objective().setMinimization();
      solver.setTimeLimit(LpPartSolver.remainingMillis(deadlineNanos));
      return solver.solve() == MPSolver.ResultStatus.OPTIMAL ? t.solutionValue() : null;
    } finally {
      solver.delete();
    }
  }

  /**
   * Elastic LP: every policy row gets a penalised slack, every excluded country one that lets its
   * offers in, and demand one for plain capacity shortage, with rising penalties so that caps are
   * loosened first. Returns null when not solved.
   */
  public static ElasticResult minimalRelaxation(
      MaterialPart part, Engine engine, long deadlineNanos) {
    if (part.n == 0) {
      double[] slack = new double[part.rows.size()];
      for (int r = 0; r < slack.length; r++)
        if (part.rows.get(r).isLowerBound()) slack[r] = part.rows.get(r).rhs;
      return new ElasticResult(slack, List.of(), new double[0], part.demand, 0.0);
    }
    double inf = MPSolver.infinity();
    double unit = part.maxPrice > 0 ? part.maxPrice : maxOf(part.price, 1.0);
    MPSolver solver = LpPartSolver.create(engine);
    try {
      MPObjective objective = solver.objective();
      objective.setMinimization();
      MPVariable[] x = availableVariables(solver, part, true);
      MPConstraint demand =
          solver.makeConstraint(part.demand, part.demand, "demand[" + part.material + "]");
      for (int i = 0; i < part.n; i++) {
        demand.setCoefficient(x[i], 1.0);
        objective.setCoefficient(x[i], part.price[i]);
      }
      MPVariable demandSlack = solver.makeNumVar(0.0, inf, "slack[demand," + part.material + "]");
      demand.setCoefficient(demandSlack, 1.0);
      objective.setCoefficient(demandSlack, DEMAND_PENALTY * unit);

      List<PolicyRow> rows = part.rows;
      MPVariable[] rowSlack = new MPVariable[rows.size()];
      for (int r = 0; r < rows.size(); r++) {
        PolicyRow row = rows.get(r);
        String name = row.name(part.material);
        MPConstraint c =
            row.isLowerBound()
                ? solver.makeConstraint(row.rhs, inf, name)
                : solver.makeConstraint(-inf, row.rhs, name);
        for (int k = 0; k < row.members.length; k++)
          c.setCoefficient(x[row.members[k]], row.coefficient(k));
        rowSlack[r] = solver.makeNumVar(0.0, inf, "slack[" + name + "]");
        c.setCoefficient(rowSlack[r], row.isLowerBound() ? 1.0 : -1.0);
        objective.setCoefficient(rowSlack[r], CAP_PENALTY * unit);
      }

      Map<String, MPConstraint> exclusionRows = new LinkedHashMap<>();
      Map<String, MPVariable> exclusionSlack = new LinkedHashMap<>();
      for (int i = 0; i < part.n; i++) {
        if (part.excludedBy[i] == null) continue;
        for (String country : part.excludedBy[i]) {
          MPConstraint c =
              exclusionRows.computeIfAbsent(
                  country,
                  k -> {
                    MPConstraint row =
                        solver.makeConstraint(
                            -inf, 0.0, "exclusion[" + k + "," + part.material + "]");
                    MPVariable slack =
                        solver.makeNumVar(
                            0.0, inf, "slack[exclusion," + k + "," + part.material + "]");
                    row.setCoefficient(slack, -1.0);
                    objective.setCoefficient(slack, EXCLUSION_PENALTY * unit);
                    exclusionSlack.put(k, slack);
                    return row;
                  });
          c.setCoefficient(x[i], 1.0);
        }
      }
      solver.setTimeLimit(LpPartSolver.remainingMillis(deadlineNanos));
      if (solver.solve() != MPSolver.ResultStatus.OPTIMAL) return null;
      double[] slacks = new double[rows.size()];
      for (int r = 0; r < slacks.length; r++) slacks[r] = rowSlack[r].solutionValue();
      List<String> countries = new ArrayList<>(exclusionSlack.keySet());
      double[] exclusions = new double[countries.size()];
      for (int k = 0; k < exclusions.length; k++)
        exclusions[k] = exclusionSlack.get(countries.get(k)).solutionValue();
      double spend = 0;
      for (int i = 0; i < part.n; i++) spend += part.price[i] * x[i].solutionValue();
      return new ElasticResult(slacks, countries, exclusions, demandSlack.solutionValue(), spend);
    } finally {
      solver.delete();
    }
  }

  private static double maxOf(double[] values, double fallback) {
    double max = 0;
    for (double v : values) max = Math.max(max, v);
    return max > 0 ? max : fallback;
  }
}
