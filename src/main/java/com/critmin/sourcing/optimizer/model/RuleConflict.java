package com.critmin.sourcing.optimizer.model;

/**
 * An award rule that makes a request infeasible although its policy could be met: taking it away
 * alone would make the request feasible. {@code offer} names the offer of a MIN_QUANTITY or
 * LOT_SIZE rule when one offer is at fault, null when all of the material's are; {@code limit} is
 * the rule's value (a count or a quantity), null for a material's minimum orders or lots together.
 */
public record RuleConflict(
    AwardRule rule, String material, String offer, Double limit, String explanation) {}
