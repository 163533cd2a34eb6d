package com.critmin.sourcing.analysis.api;

import com.critmin.sourcing.plan.api.PlanResponse;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A stored stress test: the baseline and every shock re-solved, ranked by impact. */
@Schema(name = "StressTest")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StressTestResponse(
    String id,
    @Schema(
            ref = "AnalysisStatus",
            description = "PENDING, RUNNING, COMPLETED, TIME_LIMIT, FAILED or CANCELLED",
            example = "COMPLETED")
        String status,
    Instant createdAt,
    @Schema(nullable = true) Instant completedAt,
    String currency,
    @Schema(nullable = true) OutcomeView baseline,
    @Schema(
            description =
                "Ranked: shocks that leave the policy or rules impossible to meet first, then"
                    + " shortfall, then cost delta")
        List<ShockView> shocks,
    @Schema(nullable = true) FrontierResponse.StatsView solver,
    String inputDigest,
    @Schema(nullable = true) String error) {

  /**
   * The baseline: status, purchase cost and shortfall with shortfall allowed; no cost unless
   * OPTIMAL (a minimum share or award rule that cannot be met even short).
   */
  @Schema(name = "StressBaseline")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record OutcomeView(
      @Schema(ref = "SolveStatus", example = "OPTIMAL") String status,
      @Schema(nullable = true) Double totalCost,
      double shortfall,
      Map<String, Double> shortfallByMaterial,
      @Schema(description = RULE_CONFLICTS, nullable = true)
          List<PlanResponse.RuleConflictView> ruleConflicts) {}

  static final String RULE_CONFLICTS =
      "Under award rules, when INFEASIBLE: each rule whose removal alone would make it feasible";

  /** One shock's outcome against the baseline. */
  @Schema(name = "StressShockOutcome")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ShockView(
      int rank,
      @Schema(example = "CN") String label,
      ShockRequest shock,
      @Schema(ref = "SolveStatus", example = "OPTIMAL") String status,
      @Schema(description = "Absent unless status is OPTIMAL", nullable = true) Double totalCost,
      @Schema(description = "Absent unless status is OPTIMAL", nullable = true) Double costDelta,
      @Schema(nullable = true) Double costDeltaPercent,
      double shortfall,
      Map<String, Double> shortfallByMaterial,
      @Schema(description = "Limits that bind under the shock but not in the baseline")
          List<BindingView> newlyBinding,
      @Schema(description = RULE_CONFLICTS, nullable = true)
          List<PlanResponse.RuleConflictView> ruleConflicts) {}

  /** A limit that binds, with its shadow price. */
  @Schema(name = "StressBindingLimit")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record BindingView(
      @Schema(ref = "ConstraintKind", example = "COUNTRY_CAP") String kind,
      String material,
      String stage,
      String country,
      String group,
      String supplier,
      @Schema(ref = "LimitBasis", example = "QUANTITY") String basis,
      double limit,
      double shadowPrice) {}
}
