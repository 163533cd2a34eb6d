package com.critmin.sourcing.optimizer.model;

/**
 * Diagnosis of one infeasible material: the most purchasable under the policy and the tightest
 * feasible uniform cap; {@code uniformCapNote} says why no cap helps when there is none, and {@code
 * shortfallNote} what allowing a shortfall would buy.
 */
public record MaterialDiagnosis(
    String material,
    double demand,
    double maxPurchasable,
    Double minFeasibleUniformCountryCap,
    String reason,
    String uniformCapNote,
    String shortfallNote) {}
