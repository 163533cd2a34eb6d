package com.critmin.sourcing.optimizer.model;

/** Quantity bought from one offer at its effective unit price (after price factors). */
public record Allocation(
    String offerId,
    String supplierId,
    String material,
    String country,
    double quantity,
    double unitPrice,
    double cost) {}
