package com.critmin.sourcing.analysis;

/** The two analyses stored as runs. */
public enum AnalysisKind {
  FRONTIER,
  STRESS_TEST
}
