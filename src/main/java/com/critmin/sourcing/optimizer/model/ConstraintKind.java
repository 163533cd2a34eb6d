package com.critmin.sourcing.optimizer.model;

/** Kind of policy limit reported as binding or relaxed. */
public enum ConstraintKind {
  COUNTRY_CAP,
  GROUP_CAP,
  GROUP_MIN,
  SUPPLIER_CAP,
  HHI_CAP,
  EXCLUSION,
  CAPACITY
}
