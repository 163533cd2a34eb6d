package com.critmin.sourcing.optimizer.model;

/**
 * One limit a minimal relaxation loosens. {@code from}/{@code to} are shares of demand, except for
 * CAPACITY where they are quantities (demand from, quantity that can be met to).
 */
public record Relaxation(
    ConstraintKind kind,
    String material,
    String stage,
    String country,
    String group,
    String supplier,
    double from,
    double to,
    String explanation) {}
