package com.critmin.sourcing.optimizer.model;

/**
 * Diagnosis of one infeasible material: the most purchasable under the policy and the tightest
 * feasible uniform cap.
 */
public record MaterialDiagnosis(
    String material,
    double demand,
    double maxPurchasable,
    Double minFeasibleUniformCountryCap,
    String reason) {}
