package com.critmin.sourcing.optimizer.model;

/** Quantity of a material from one country at one stage and its share of demand. */
public record Share(String stage, String country, double quantity, double share) {}
