package com.critmin.sourcing.optimizer.model;

/** The rules that need integer decisions (SPEC section 3's mixed-integer rules). */
public enum AwardRule {
  /** An offer is bought not at all or at least its minimum quantity. */
  MIN_QUANTITY,
  /** An offer is bought in whole multiples of its lot size. */
  LOT_SIZE,
  /** A supplier's fixed cost is paid once if any of its offers is awarded. */
  FIXED_COST,
  /** At least this many suppliers of a material receive an award. */
  MIN_SUPPLIERS,
  /** At most this many suppliers of a material receive an award. */
  MAX_SUPPLIERS
}
