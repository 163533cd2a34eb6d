package com.critmin.sourcing.analysis.api;

import com.critmin.sourcing.common.Amounts;
import com.critmin.sourcing.common.CurrencyCode;
import com.critmin.sourcing.common.Finite;
import com.critmin.sourcing.common.ResourceIds;
import com.critmin.sourcing.plan.api.DemandLine;
import com.critmin.sourcing.plan.api.InlineOffer;
import com.critmin.sourcing.plan.api.PlanRequest;
import com.critmin.sourcing.plan.api.ScenarioRequest;
import com.critmin.sourcing.policy.PolicyLimits;
import com.critmin.sourcing.stage.NamesStages;
import com.critmin.sourcing.stage.StageReferences;
import com.critmin.sourcing.stage.StageService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The problem of a plan and the shocks to apply to it one at a time. */
@Schema(name = "StressTestRequest")
public record StressTestRequest(
    @Schema(description = "One line per material") @NotEmpty @Size(max = 10000)
        List<@Valid @NotNull DemandLine> demand,
    @Schema(
            description = "Id of a stored sourcing policy or of a preset",
            example = "crma-65",
            nullable = true)
        @Pattern(regexp = ResourceIds.REGEX, message = ResourceIds.MESSAGE)
        String policyId,
    @Schema(
            description = "Limits that override the named policy field by field (or stand alone)",
            nullable = true)
        @Valid
        PolicyLimits policy,
    @Schema(description = "What-if changes for this analysis", nullable = true) @Valid
        ScenarioRequest scenario,
    @Schema(description = "Currency of every price (ISO 4217); default USD", nullable = true)
        @CurrencyCode
        String currency,
    @Schema(
            description =
                "Allow unmet demand, at the shortfall penalty; default true (stress tests always allow shortfall)",
            nullable = true)
        Boolean allowShortfall,
    @Schema(
            description =
                "Penalty per unit of unmet demand; default 10 x the highest effective unit price of the material",
            nullable = true)
        @Finite
        @Positive
        @DecimalMax(value = Amounts.MAX, message = Amounts.MAX_MESSAGE)
        Double shortfallPenalty,
    @Schema(description = "Solve on these offers instead of stored ones", nullable = true)
        List<InlineOffer> offers,
    @Schema(
            description = "Day on which stored offers must be valid; default today",
            nullable = true)
        LocalDate asOf,
    @Schema(
            description = "Solver wall-time limit in seconds, at most the configured one",
            nullable = true)
        @Finite
        @DecimalMin(value = "0", inclusive = false)
        @DecimalMax("3600")
        Double timeLimitSeconds,
    @Schema(
            description =
                "Losses to apply one at a time; default every country that carries a share of the baseline at any stage",
            nullable = true)
        @Size(max = 500)
        List<@Valid @NotNull ShockRequest> shocks)
    implements NamesStages {

  @Override
  public List<StageService.Reference> namedStages() {
    List<StageService.Reference> found = PlanRequest.stagesNamed(policy, scenario, offers);
    for (int i = 0; shocks != null && i < shocks.size(); i++) {
      if (shocks.get(i) != null) {
        StageReferences.add("shocks[" + i + "].stage", shocks.get(i).stage(), found);
      }
    }
    return found;
  }

  /** The problem part, as a plan request. */
  public PlanRequest problem(boolean defaultShortfall) {
    return new PlanRequest(
        demand,
        policyId,
        policy,
        scenario,
        currency,
        allowShortfall == null ? defaultShortfall : allowShortfall,
        shortfallPenalty,
        offers,
        asOf,
        timeLimitSeconds,
        null);
  }
}
