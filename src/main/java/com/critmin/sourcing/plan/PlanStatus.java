package com.critmin.sourcing.plan;

/** Where a plan stands: the optimizer's outcome, or the steps of an asynchronous plan before it. */
public enum PlanStatus {
  OPTIMAL,
  INFEASIBLE,
  TIME_LIMIT,
  PENDING,
  RUNNING,
  FAILED,
  /** An asynchronous plan cancelled while PENDING or RUNNING (DELETE). */
  CANCELLED;

  /** Final statuses never change again; PENDING and RUNNING move on. */
  public boolean isFinal() {
    return this != PENDING && this != RUNNING;
  }
}
