package com.critmin.sourcing.plan.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Something in a plan request that was accepted but changes nothing, or a plan without limits. */
@Schema(name = "PlanWarning")
public record PlanWarning(
    Code code,
    @Schema(
            description = "The request field it concerns",
            example = "policy.countryLimits[0].stage")
        String field,
    @Schema(
            example =
                "no offer of NDPR_OXIDE has stage MAGNET: this limit applies to nothing in this plan")
        String message) {

  /** What a warning says. */
  @Schema(
      name = "PlanWarningCode",
      description =
          "LIMIT_MATCHES_NOTHING: a limit names a material that is not demanded, or a stage that no"
              + " offer of its material has. SCENARIO_MATCHES_NOTHING: a scenario entry names an offer,"
              + " supplier or country that no offer of the plan has (accepted, changes nothing)."
              + " NO_LIMITS: no concentration limit applies at all. NO_OFFERS: a demanded material has"
              + " no offer, so its demand is unmet.")
  public enum Code {
    LIMIT_MATCHES_NOTHING,
    SCENARIO_MATCHES_NOTHING,
    NO_LIMITS,
    NO_OFFERS
  }
}
