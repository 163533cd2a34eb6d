package com.critmin.sourcing.optimizer.model;

/**
 * A cap on one country's share of demand, at one stage (null = every stage), for one material (null
 * = all).
 */
public record CountryLimit(String country, String stage, String material, double maxShare) {}
