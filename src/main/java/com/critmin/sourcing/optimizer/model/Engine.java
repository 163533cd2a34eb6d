package com.critmin.sourcing.optimizer.model;

/** The LP engine used for parts that are not solved by the exact greedy fast path. */
public enum Engine {
  GLOP,
  CLP
}
