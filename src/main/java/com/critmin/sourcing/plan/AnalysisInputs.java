package com.critmin.sourcing.plan;

/**
 * The canonical input of an analysis (frontier, stress test) that takes a plan's problem: the
 * problem's snapshot with the analysis's own parameters, gzip-compressed, and its SHA-256.
 */
public final class AnalysisInputs {
  private AnalysisInputs() {}

  /** The compressed canonical JSON and its digest ({@code sha256:...}). */
  public record Written(byte[] gzip, String digest) {}

  public static Written write(ProblemAssembler.Assembled assembled, Object parameters) {
    InputSnapshot.Written written = InputSnapshot.of(assembled).writeWith(parameters);
    return new Written(written.gzip(), written.digest());
  }

  /** The canonical JSON of a stored input. */
  public static String read(byte[] gzip) {
    return InputSnapshot.read(gzip);
  }
}
