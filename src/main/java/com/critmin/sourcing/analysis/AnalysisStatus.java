package com.critmin.sourcing.analysis;

import com.critmin.sourcing.common.QueryValues;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where a run is: PENDING and RUNNING only with {@code Prefer: respond-async}; COMPLETED with its
 * figures (points may still be infeasible or short); TIME_LIMIT when the solver time limit ran out;
 * FAILED on an internal error (or when its job was given up); CANCELLED by DELETE while PENDING or
 * RUNNING.
 */
@Schema(
    name = "AnalysisStatus",
    description =
        "Where a frontier or stress test is: PENDING and RUNNING only with Prefer: respond-async;"
            + " COMPLETED with its figures; TIME_LIMIT when the solver time limit ran out; FAILED"
            + " on an internal error; CANCELLED by DELETE")
public enum AnalysisStatus {
  PENDING,
  RUNNING,
  COMPLETED,
  TIME_LIMIT,
  FAILED,
  CANCELLED;

  /** The status a list filter names, null when none is given; another value is a 400. */
  public static AnalysisStatus of(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return valueOf(value);
    } catch (IllegalArgumentException e) {
      throw QueryValues.invalid("status", "must be one of " + java.util.Arrays.toString(values()));
    }
  }

  public boolean isFinal() {
    return this != PENDING && this != RUNNING;
  }
}
