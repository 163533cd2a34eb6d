package com.critmin.sourcing.optimizer.model;

/**
 * How to solve: engine, a global time limit across all parts (0 or less = 60 s), worker threads (0
 * or less = available processors), and whether laminar materials may use the exact greedy fast path
 * (tests switch it off).
 */
public record SolveOptions(Engine engine, long timeLimitMillis, int threads, boolean fastPath) {

  public static final long DEFAULT_TIME_LIMIT_MILLIS = 60_000;
  public static final SolveOptions DEFAULT =
      new SolveOptions(Engine.GLOP, DEFAULT_TIME_LIMIT_MILLIS, 0, true);

  public SolveOptions {
    engine = engine == null ? Engine.GLOP : engine;
  }

  public SolveOptions(Engine engine, long timeLimitMillis, int threads) {
    this(engine, timeLimitMillis, threads, true);
  }

  public long effectiveTimeLimitMillis() {
    return timeLimitMillis > 0 ? timeLimitMillis : DEFAULT_TIME_LIMIT_MILLIS;
  }

  public int effectiveThreads() {
    return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
  }
}
