package com.critmin.sourcing.plan.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A solved (or pending) allocation plan. */
@Schema(name = "AllocationPlan")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PlanResponse(
    @Schema(example = "01JD3M6Q8Z6V3K2Y5W7X9A1B2C") String id,
    @Schema(
            description = "The client's reference, as the request gave it",
            example = "REQ-2026-0042",
            nullable = true)
        String reference,
    @Schema(
            description = "OPTIMAL, INFEASIBLE, TIME_LIMIT, PENDING, RUNNING or FAILED",
            example = "OPTIMAL")
        String status,
    Instant createdAt,
    @Schema(nullable = true) Instant completedAt,
    @Schema(example = "USD") String currency,
    @Schema(
            description = "Purchase cost of the allocation, without shortfall penalties",
            example = "81234.5",
            nullable = true)
        Double totalCost,
    List<AllocationView> allocations,
    List<MaterialView> materials,
    List<BindingView> bindingConstraints,
    @Schema(nullable = true) DiagnosisView diagnosis,
    @Schema(
            description =
                "What the request says that applies to nothing, or that leaves the plan without"
                    + " limits or demand without offers; empty when there is nothing to say")
        List<PlanWarning> warnings,
    @Schema(nullable = true) SolverView solver,
    @Schema(
            description = "SHA-256 of the canonical input (offers, demand, limits, scenario)",
            example = "sha256:9f2c...")
        String inputDigest,
    @Schema(description = "Why the plan FAILED", nullable = true) String failure) {

  /** One offer's share of the plan. */
  @Schema(name = "Allocation")
  public record AllocationView(
      @Schema(example = "lynas-ndpr") String offerId,
      @Schema(example = "lynas") String supplierId,
      @Schema(example = "NDPR_OXIDE") String material,
      @Schema(example = "MY") String country,
      @Schema(example = "420") double quantity,
      @Schema(description = "Effective unit price after scenario price factors", example = "82.5")
          double unitPrice,
      @Schema(example = "34650") double cost) {}

  /** Per material: demand, what was allocated, and the country shares at every stage. */
  @Schema(name = "MaterialResult")
  public record MaterialView(
      String material,
      double demand,
      double allocated,
      double shortfall,
      double cost,
      @Schema(description = "Herfindahl-Hirschman index of SUPPLY-country shares (0-10,000)")
          double hhi,
      List<ShareView> shares) {}

  /** What one country supplies at one stage. */
  @Schema(name = "CountryShare")
  public record ShareView(
      @Schema(example = "SUPPLY") String stage,
      @Schema(example = "CN") String country,
      @Schema(example = "780") double quantity,
      @Schema(description = "Share of demand", example = "0.65") double share) {}

  /** A limit that costs money at the optimum. */
  @Schema(name = "BindingConstraint")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record BindingView(
      @Schema(
              description = "COUNTRY_CAP, GROUP_CAP, GROUP_MIN or SUPPLIER_CAP",
              example = "COUNTRY_CAP")
          String kind,
      @Schema(example = "NDPR_OXIDE") String material,
      @Schema(example = "SUPPLY") String stage,
      @Schema(example = "CN") String country,
      String group,
      String supplier,
      @Schema(description = "The limit as a share of demand", example = "0.65") double limit,
      @Schema(
              description =
                  "Change of total cost per unit of quantity that the limit allows (LP dual)",
              example = "-34.4")
          double shadowPrice,
      @Schema(
              example =
                  "raising the CN cap for NDPR_OXIDE at SUPPLY by 1 percentage point saves 412.80 USD")
          String explanation,
      @Schema(
              description =
                  "Exact saving of relaxing this limit alone by 1 percentage point, found by re-solving"
                      + " (plans up to 20,000 offers); absent when only the dual-based estimate was computed",
              nullable = true)
          Double savingsPerPercentagePoint,
      @Schema(
              description =
                  "Exact saving of relaxing this limit together with the limits it binds with",
              nullable = true)
          Double jointSavingsPerPercentagePoint) {}

  /** Why a plan is infeasible and what would make it feasible. */
  @Schema(name = "Diagnosis")
  public record DiagnosisView(
      List<MaterialDiagnosisView> materials,
      @Schema(
              description =
                  "Smallest single country cap (share) under which every material is feasible; null when none is",
              nullable = true)
          Double minFeasibleUniformCountryCap,
      List<RelaxationView> relaxations) {}

  /** Per infeasible material: how much can be bought under the policy. */
  @Schema(name = "MaterialDiagnosis")
  public record MaterialDiagnosisView(
      String material,
      double demand,
      double maxPurchasable,
      @Schema(nullable = true) Double minFeasibleUniformCountryCap,
      String reason) {}

  /** One limit the minimal relaxation loosens. */
  @Schema(name = "Relaxation")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record RelaxationView(
      String kind,
      String material,
      String stage,
      String country,
      String group,
      String supplier,
      double from,
      double to,
      @Schema(example = "raise CN at SEPARATION for NDPR_OXIDE from 65 % to 71 %")
          String explanation) {}

  /** Which engine solved the plan and how big the model was. */
  @Schema(name = "SolverStatistics")
  public record SolverView(
      @Schema(example = "GLOP") String engine,
      @Schema(example = "OR-Tools 9.15.6755") String version,
      long wallTimeMillis,
      int variables,
      int constraints,
      @Schema(description = "Independent per-material parts") int parts,
      @Schema(description = "Parts solved exactly by the greedy fast path") int fastPathParts) {}
}
