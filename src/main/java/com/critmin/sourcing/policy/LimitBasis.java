package com.critmin.sourcing.policy;

/** What a country or group limit measures: a share of demanded quantity or of purchase cost. */
public enum LimitBasis {
  QUANTITY,
  SPEND
}
