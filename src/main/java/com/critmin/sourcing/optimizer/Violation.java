package com.critmin.sourcing.optimizer;

/**
 * One cross-field problem with a request, e.g. {@code offers[3].capacity: must be finite and >= 0}.
 */
public record Violation(String field, String message) {}
