package com.critmin.sourcing.analysis.api;

import com.critmin.sourcing.plan.api.PlanInput;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The shapes of the analyses' input snapshots ({@code GET .../{id}/input}), for the contract. */
public final class AnalysisInputs {
  private AnalysisInputs() {}

  /** A frontier's input: its own parameters beside the canonical problem. */
  @Schema(
      name = "FrontierInput",
      description =
          "The canonical input a frontier was computed from; its SHA-256 is the frontier's inputDigest")
  public record FrontierInput(
      @Schema(required = true) FrontierParameters parameters,
      @Schema(required = true) PlanInput problem) {}

  /** What a frontier's digest covers besides the problem. */
  @Schema(name = "FrontierInputParameters")
  public record FrontierParameters(
      @Schema(nullable = true) VaryRequest vary,
      @Schema(nullable = true) List<Double> levels,
      @Schema(nullable = true) Integer points) {}

  /** A stress test's input: its own parameters beside the canonical problem. */
  @Schema(
      name = "StressTestInput",
      description =
          "The canonical input a stress test was computed from; its SHA-256 is the stress test's"
              + " inputDigest")
  public record StressTestInput(
      @Schema(required = true) StressParameters parameters,
      @Schema(required = true) PlanInput problem) {}

  /** What a stress test's digest covers besides the problem. */
  @Schema(name = "StressTestInputParameters")
  public record StressParameters(@Schema(nullable = true) List<ShockRequest> shocks) {}
}
