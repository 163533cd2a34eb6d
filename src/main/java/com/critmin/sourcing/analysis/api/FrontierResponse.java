package com.critmin.sourcing.analysis.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A stored frontier: the minimum total cost as a function of one limit's level, with its exact
 * breakpoints and the policy's own level as baseline.
 */
@Schema(name = "Frontier")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FrontierResponse(
    String id,
    @Schema(
            ref = "AnalysisStatus",
            description = "PENDING, RUNNING, COMPLETED, TIME_LIMIT, FAILED or CANCELLED",
            example = "COMPLETED")
        String status,
    Instant createdAt,
    @Schema(nullable = true) Instant completedAt,
    String currency,
    VaryRequest vary,
    @Schema(
            description =
                "Tightest level at which every coverable material is covered (one LP with the level as a variable)",
            nullable = true)
        Double minFeasibleLevel,
    List<PointView> points,
    @Schema(description = "The policy's own level and its cost", nullable = true)
        PointView baseline,
    @Schema(
            description =
                "Levels where the cost changes slope, exact to the solver's tolerance; empty under"
                    + " award rules, where the cost can jump between levels and each level is"
                    + " solved on its own")
        List<BreakpointView> breakpoints,
    @Schema(nullable = true) StatsView solver,
    String inputDigest,
    @Schema(nullable = true) String error) {

  /** The optimum at one level. */
  @Schema(name = "FrontierPoint")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record PointView(
      @Schema(example = "0.65") double level,
      @Schema(
              ref = "SolveStatus",
              description = "OPTIMAL, INFEASIBLE (some material uncovered) or TIME_LIMIT",
              example = "OPTIMAL")
          String status,
      @Schema(
              description = "Purchase cost, plus the fixed costs paid under award rules",
              nullable = true)
          Double totalCost,
      @Schema(
              description =
                  "Extra cost of tightening the level by one percentage point (from the duals;"
                      + " under award rules from the LP with the point's award decisions fixed,"
                      + " and absent at the tightest feasible level)",
              nullable = true)
          Double marginalCostPerPoint,
      @Schema(description = "Unmet quantity (only when shortfall is allowed)", nullable = true)
          Double shortfall,
      @Schema(description = "Materials that cannot be covered at this level", nullable = true)
          List<UncoveredView> uncovered) {}

  /** A material that cannot be covered at a level. */
  @Schema(name = "UncoveredMaterial")
  public record UncoveredView(
      String material,
      double demand,
      @Schema(
              description = "Tightest level at which it can be covered; null: none up to 1",
              nullable = true)
          Double coverableFromLevel) {}

  /** A kink of the cost curve. */
  @Schema(name = "FrontierBreakpoint")
  public record BreakpointView(double level, double totalCost) {}

  /** Solves and pivots an analysis spent. */
  @Schema(name = "AnalysisSolverStatistics")
  public record StatsView(
      @Schema(description = "Engine solves, HHI cut rounds included") int solves,
      @Schema(description = "Simplex pivots over all warm re-solves") long pivots,
      @Schema(description = "Per-material parts") int parts,
      @Schema(description = "Parts the varied limit or a shock touched") int changedParts,
      long wallTimeMillis) {}
}
