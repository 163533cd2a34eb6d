package com.critmin.sourcing.optimizer.model;

/**
 * A policy limit that is tight at the optimum and costs money. {@code limit} is a share of demand;
 * {@code shadowPrice} is the LP dual in cost per unit of quantity (negative for a binding cap, positive for a
 * binding minimum).
 */
public record BindingConstraint(
        ConstraintKind kind,
        String material,
        String stage,
        String country,
        String group,
        String supplier,
        double limit,
        double shadowPrice,
        String explanation) {}
