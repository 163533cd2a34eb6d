package com.critmin.sourcing.plan.api;

import com.critmin.sourcing.policy.LimitBasis;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The shape of a plan's canonical input snapshot ({@code GET /v1/allocation-plans/{id}/input}), for
 * the contract: the service writes the snapshot itself (plan/InputSnapshot) with members in
 * alphabetical order, and InputSnapshotContractTest holds the two together.
 */
@Schema(
    name = "PlanInput",
    description =
        "The canonical input a plan was solved from: everything the solve depended on, resolved"
            + " (policy merged, groups expanded, stored offers read), in a fixed order. Its SHA-256"
            + " is the plan's inputDigest.")
public record PlanInput(
    @Schema(
            description = "INLINE_OFFERS (stateless request) or STORED_OFFERS",
            enumeration = {"INLINE_OFFERS", "STORED_OFFERS"},
            required = true)
        String mode,
    @Schema(description = "Currency of every price (ISO 4217)", example = "USD", required = true)
        String currency,
    @Schema(
            description = "Day on which stored offers were valid; null for inline offers",
            nullable = true)
        LocalDate asOf,
    @Schema(description = "The stored policy or preset the request named", nullable = true)
        String policyId,
    @Schema(required = true) boolean allowShortfall,
    @Schema(
            description = "Penalty per unit of unmet demand, when the request set one",
            nullable = true)
        Double shortfallPenalty,
    @Schema(description = "Demand lines, by material", required = true) List<Demand> demand,
    @Schema(description = "The policy's limits after merging", required = true) Limits limits,
    @Schema(description = "The what-if changes applied", required = true) Scenario scenario,
    @Schema(description = "The offers solved on, by id", required = true) List<Offer> offers,
    @Schema(
            description =
                "Fixed cost per supplier id (award rules), in the plan's currency; absent when"
                    + " no supplier has one",
            example = "{\"mp\": 400000}")
        Map<String, Double> supplierFixedCosts) {

  /** One demanded material. */
  @Schema(name = "PlanInputDemand")
  public record Demand(
      @Schema(example = "NDPR_OXIDE", required = true) String material,
      @Schema(required = true) double quantity,
      @Schema(nullable = true) Double shortfallPenalty) {}

  /** The limits the solve enforced. */
  @Schema(name = "PlanInputLimits")
  public record Limits(
      @Schema(nullable = true) Double maxCountryShare,
      @Schema(required = true) List<CountryLimit> countryLimits,
      @Schema(required = true) List<GroupLimit> groupLimits,
      @Schema(nullable = true) Double maxSupplierShare,
      @Schema(required = true) List<String> excludedCountries,
      @Schema(description = "Absent when no HHI cap applies") Double maxHhi,
      @Schema(description = "Award rule; absent when not set") Integer minSuppliers,
      @Schema(description = "Award rule; absent when not set") Integer maxSuppliers) {}

  /** A country limit, at one stage or every stage (null), for one material or all (null). */
  @Schema(name = "PlanInputCountryLimit")
  public record CountryLimit(
      @Schema(example = "CN", required = true) String country,
      @Schema(nullable = true) String stage,
      @Schema(nullable = true) String material,
      @Schema(required = true) double maxShare,
      @Schema(required = true) LimitBasis basis) {}

  /** A group limit with the group's countries expanded. */
  @Schema(name = "PlanInputGroupLimit")
  public record GroupLimit(
      @Schema(example = "FEOC", required = true) String group,
      @Schema(required = true) List<String> countries,
      @Schema(nullable = true) Double maxShare,
      @Schema(nullable = true) Double minShare,
      @Schema(nullable = true) String stage,
      @Schema(nullable = true) String material,
      @Schema(required = true) LimitBasis basis) {}

  /** The what-if changes of the request. */
  @Schema(name = "PlanInputScenario")
  public record Scenario(
      @Schema(required = true) List<String> unavailableCountries,
      @Schema(required = true) List<String> unavailableSuppliers,
      @Schema(required = true) List<Factor> capacityFactors,
      @Schema(required = true) List<Factor> priceFactors,
      @Schema(description = "Absent when no country is unavailable at named stages")
          List<Outage> countryOutages) {}

  /** A capacity or price factor naming one offer, supplier or SUPPLY country. */
  @Schema(name = "PlanInputFactor")
  public record Factor(
      @Schema(nullable = true) String offer,
      @Schema(nullable = true) String supplier,
      @Schema(nullable = true) String country,
      @Schema(required = true) double factor) {}

  /** A country unavailable at the named stages. */
  @Schema(name = "PlanInputCountryOutage")
  public record Outage(
      @Schema(example = "CN", required = true) String country,
      @Schema(required = true) List<String> stages) {}

  /** An offer as solved on: prices in the plan's currency. */
  @Schema(name = "PlanInputOffer")
  public record Offer(
      @Schema(required = true) String id,
      @Schema(required = true) String supplierId,
      @Schema(required = true) String material,
      @Schema(description = "The SUPPLY country", example = "MY", required = true) String country,
      @Schema(required = true) double capacity,
      @Schema(required = true) double unitPrice,
      @Schema(
              description = "Country per upstream stage; null when the offer declares none",
              nullable = true,
              example = "{\"MINING\": \"AU\", \"SEPARATION\": \"MY\"}")
          Map<String, String> origins,
      @Schema(description = "Award rule; absent when not set") Double minQuantity,
      @Schema(description = "Award rule; absent when not set") Double lotSize) {}
}
