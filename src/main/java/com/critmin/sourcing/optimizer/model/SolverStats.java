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

  /** These statistics under award rules: the engines used, the MIP's relative gap and bound. */
  public SolverStats withMip(String engines, Double gap, Double bound) {
    return new SolverStats(
        engines,
        wallTimeMillis,
        variables,
        constraints,
        parts,
        fastPathParts,
        buildMillis,
        solveMillis,
        hhiIterations,
        gap,
        bound);
  }
}
