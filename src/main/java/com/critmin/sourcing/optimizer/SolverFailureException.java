package com.critmin.sourcing.optimizer;

/**
 * The LP engine failed (ABNORMAL, MODEL_INVALID, no solver): an internal error, not an answer about
 * the problem.
 */
public class SolverFailureException extends RuntimeException {
  public SolverFailureException(String message) {
    super(message);
  }
}
