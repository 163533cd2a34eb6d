package com.critmin.sourcing.optimizer;

/**
 * Told when each per-material part of a solve starts and ends, on the thread that solves it: a seam
 * for tracing that keeps the optimizer free of any framework.
 */
@FunctionalInterface
public interface PartObserver {
  /** Observes nothing. */
  PartObserver NONE = (material, offers) -> () -> {};

  /** A part starts; the returned handle is closed when it ends, however it ends. */
  Handle started(String material, int offers);

  /** The end of one observed part. */
  interface Handle extends AutoCloseable {
    @Override
    void close();
  }
}
