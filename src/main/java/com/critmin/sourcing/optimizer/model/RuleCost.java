package com.critmin.sourcing.optimizer.model;

/**
 * What one award rule costs: the plan's objective with the rule minus without it (re-solved), in
 * the problem's currency; positive when the rule raises cost. {@code rule} names it: {@code
 * MIN_QUANTITY} and {@code LOT_SIZE} of {@code offer}, {@code FIXED_COST} of {@code supplier},
 * {@code MIN_SUPPLIERS} and {@code MAX_SUPPLIERS} of {@code material}.
 */
public record RuleCost(
    AwardRule rule,
    String material,
    String offer,
    String supplier,
    double limit,
    double cost,
    String explanation) {}
