package com.critmin.sourcing.plan.api;

import com.critmin.sourcing.common.Amounts;
import com.critmin.sourcing.common.CurrencyCode;
import com.critmin.sourcing.common.Finite;
import com.critmin.sourcing.common.ResourceIds;
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

/** A sourcing problem: demand, policy, scenario, and optionally the offers themselves. */
@Schema(name = "PlanRequest")
public record PlanRequest(
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
    @Schema(description = "What-if changes for this solve only", nullable = true) @Valid
        ScenarioRequest scenario,
    @Schema(
            description = "Currency of every price (ISO 4217); default USD",
            example = "USD",
            nullable = true)
        @CurrencyCode
        String currency,
    @Schema(
            description = "Allow unmet demand, at the shortfall penalty; default false",
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
    // Not cascaded into Bean Validation: InlineOfferChecks applies the same rules (a test holds
    // them together) in 16 ms where Bean Validation takes 0.5 s for 100,000 offers.
    @Schema(
            description = "Solve on these offers instead of stored ones (stateless mode)",
            nullable = true)
        List<InlineOffer> offers,
    @Schema(
            description = "Day on which stored offers must be valid; default today",
            nullable = true)
        LocalDate asOf,
    @Schema(
            description =
                "Solver wall-time limit in seconds, at most the configured one (default 30)",
            example = "10",
            nullable = true)
        @Finite
        @DecimalMin(value = "0", inclusive = false)
        @DecimalMax("3600")
        Double timeLimitSeconds,
    @Schema(
            description =
                "The client's own reference (an ERP requisition number, say), echoed by the plan",
            example = "REQ-2026-0042",
            nullable = true)
        @Size(max = 200)
        String reference)
    implements NamesStages {

  @Override
  public List<StageService.Reference> namedStages() {
    return stagesNamed(policy, scenario, offers);
  }

  /**
   * The stages a problem names: its policy's limits, its scenario's outages, its offers' origins.
   */
  public static List<StageService.Reference> stagesNamed(
      PolicyLimits policy, ScenarioRequest scenario, List<InlineOffer> offers) {
    List<StageService.Reference> found = PolicyLimits.stagesNamed(policy, "policy.");
    if (scenario != null && scenario.countryOutages() != null) {
      List<CountryOutageRequest> outages = scenario.countryOutages();
      for (int i = 0; i < outages.size(); i++) {
        List<String> stages = outages.get(i) == null ? null : outages.get(i).stages();
        for (int k = 0; stages != null && k < stages.size(); k++) {
          StageReferences.add(
              "scenario.countryOutages[" + i + "].stages[" + k + "]", stages.get(k), found);
        }
      }
    }
    for (int i = 0; offers != null && i < offers.size(); i++) {
      if (offers.get(i) != null) {
        StageReferences.addOrigins("offers[" + i + "].", offers.get(i).origins(), found);
      }
    }
    return found;
  }
}
