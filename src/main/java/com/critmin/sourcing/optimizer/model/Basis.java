package com.critmin.sourcing.optimizer.model;

/**
 * What a country or group limit measures: its share of the material's demanded quantity, or its
 * share of the material's purchase cost.
 */
public enum Basis {
  QUANTITY,
  SPEND
}
