package com.critmin.sourcing.optimizer.model;

/**
 * How to solve: engine, a wall-time limit across all parts (0 = none: the service always gives its
 * configured one), the most threads one solve uses at once, the caller's included (0 or less =
 * available processors), whether laminar materials may use the exact greedy fast path (tests switch
 * it off), and the relative gap within which a plan under award rules (integer decisions) counts as
 * optimal (0 or less = {@link #DEFAULT_RELATIVE_GAP}).
 */
public record SolveOptions(
    Engine engine, long timeLimitMillis, int threads, boolean fastPath, double relativeGap) {

  /** Relative gap within which a plan under rules that need integers counts as optimal. */
  public static final double DEFAULT_RELATIVE_GAP = 1e-6;

  /** GLOP, no time limit, every processor, fast path on. */
  public static final SolveOptions DEFAULT = new SolveOptions(Engine.GLOP, 0, 0, true);

  public SolveOptions {
    engine = engine == null ? Engine.GLOP : engine;
    relativeGap = relativeGap > 0 ? relativeGap : DEFAULT_RELATIVE_GAP;
  }

  public SolveOptions(Engine engine, long timeLimitMillis, int threads, boolean fastPath) {
    this(engine, timeLimitMillis, threads, fastPath, DEFAULT_RELATIVE_GAP);
  }

  public SolveOptions(Engine engine, long timeLimitMillis, int threads) {
    this(engine, timeLimitMillis, threads, true);
  }

  /**
   * The {@link System#nanoTime()} by which a solve started at {@code startNanos} must end; {@link
   * Long#MAX_VALUE} without a time limit.
   */
  public long deadlineNanos(long startNanos) {
    if (timeLimitMillis <= 0 || timeLimitMillis > Long.MAX_VALUE / 1_000_000L) {
      return Long.MAX_VALUE;
    }
    long deadline = startNanos + timeLimitMillis * 1_000_000L;
    return deadline < startNanos ? Long.MAX_VALUE : deadline;
  }

  public int effectiveThreads() {
    return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
  }
}
