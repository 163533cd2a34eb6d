package com.critmin.sourcing.optimizer.model;

/**
 * How the plan was solved. {@code engine}: GLOP, CLP, GREEDY (every part used the fast path) or
 * e.g. GLOP+GREEDY. {@code variables}/{@code constraints} count the model as built (greedy parts
 * count the model they stand for); {@code buildMillis}/{@code solveMillis} are summed over parts
 * across threads. {@code hhiIterations}: warm re-solves that added HHI tangent cuts, over all
 * parts. {@code mipGap} and {@code bestBound} (null on the LP path): under award rules, the
 * relative gap between the plan's objective (purchase cost, fixed costs and shortfall penalties)
 * and the best bound the MIP solver proved on it.
 */
public record SolverStats(
    String engine,
    long wallTimeMillis,
    int variables,
    int constraints,
    int parts,
    int fastPathParts,
    long buildMillis,
    long solveMillis,
    int hhiIterations,
    Double mipGap,
    Double bestBound) {

  public SolverStats(
      String engine,
      long wallTimeMillis,
      int variables,
      int constraints,
      int parts,
      int fastPathParts,
      long buildMillis,
      long solveMillis,
      int hhiIterations) {
    this(
        engine,
        wallTimeMillis,
        variables,
        constraints,
        parts,
        fastPathParts,
        buildMillis,
        solveMillis,
        hhiIterations,
        null,
        null);
  }

  public SolverStats(
      String engine,
      long wallTimeMillis,
      int variables,
      int constraints,
      int parts,
      int fastPathParts,
      long buildMillis,
      long solveMillis) {
    this(
        engine,
        wallTimeMillis,
        variables,
        constraints,
        parts,
        fastPathParts,
        buildMillis,
        solveMillis,
        0);
  }
}
