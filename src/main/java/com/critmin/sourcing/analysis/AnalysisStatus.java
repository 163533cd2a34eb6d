package com.critmin.sourcing.analysis;

/**
 * Where a run is: PENDING and RUNNING only with {@code Prefer: respond-async}; COMPLETED with its
 * figures (points may still be infeasible or short); TIME_LIMIT when the solver time limit ran out;
 * FAILED on an internal error (or when its job was given up); CANCELLED by DELETE while PENDING or
 * RUNNING.
 */
public enum AnalysisStatus {
  PENDING,
  RUNNING,
  COMPLETED,
  TIME_LIMIT,
  FAILED,
  CANCELLED;

  public boolean isFinal() {
    return this != PENDING && this != RUNNING;
  }
}
