package com.critmin.sourcing.analysis;

/** The two analyses stored as runs, each with the kind of job that computes it asynchronously. */
public enum AnalysisKind {
  FRONTIER("frontier"),
  STRESS_TEST("stress-test");

  private final String jobKind;

  AnalysisKind(String jobKind) {
    this.jobKind = jobKind;
  }

  /** The job kind (task name in the job table) of an asynchronous run. */
  public String jobKind() {
    return jobKind;
  }
}
