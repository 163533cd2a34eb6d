package com.critmin.sourcing.plan.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
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
            ref = "PlanStatus",
            description = "OPTIMAL, INFEASIBLE, TIME_LIMIT, PENDING, RUNNING, FAILED or CANCELLED",
            example = "OPTIMAL")
        String status,
    Instant createdAt,
    @Schema(nullable = true) Instant completedAt,
    @Schema(example = "USD") String currency,
    @Schema(
            description =
                "Purchase cost of the allocation plus, under award rules, the suppliers' fixed costs paid (also given as fixedCosts); without shortfall penalties; in the currency's minor unit",
            example = "9105000.00",
            nullable = true)
        BigDecimal totalCost,
    List<AllocationView> allocations,
    List<MaterialView> materials,
    List<BindingView> bindingConstraints,
    @Schema(
            description =
                "Limits that bind together on the same offers, each set once, with what relaxing"
                    + " all of them together by one percentage point saves; their entries in"
                    + " bindingConstraints name the set in tie and carry no shadow price of their own"
                    + " (a degenerate optimum's duals split arbitrarily among them)")
        List<BindingGroupView> bindingGroups,
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
    @Schema(description = "Why the plan FAILED", nullable = true) String failure,
    @Schema(
            description =
                "Under award rules: the suppliers' fixed costs paid, included in totalCost; absent"
                    + " for plans without award rules",
            example = "40000.00",
            nullable = true)
        @JsonInclude(JsonInclude.Include.NON_NULL)
        BigDecimal fixedCosts,
    @Schema(
            description =
                "Under award rules: what each rule that changes the answer costs, found by"
                    + " re-solving without it; absent when none does or the plan is too large to"
                    + " re-solve")
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        List<RuleCostView> ruleCosts) {

  /** What one award rule costs: the plan re-solved without it. */
  @Schema(name = "RuleCost")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record RuleCostView(
      @Schema(
              description = "MIN_QUANTITY, LOT_SIZE, FIXED_COST, MIN_SUPPLIERS or MAX_SUPPLIERS",
              example = "MIN_QUANTITY")
          String rule,
      @Schema(example = "NDPR_OXIDE", nullable = true) String material,
      @Schema(example = "lynas-ndpr", nullable = true) String offer,
      @Schema(example = "lynas", nullable = true) String supplier,
      @Schema(
              description =
                  "The rule's value: a quantity (MIN_QUANTITY, LOT_SIZE), money (FIXED_COST) or a"
                      + " count",
              example = "50")
          BigDecimal limit,
      @Schema(
              description = "Plan cost with the rule minus without it (one more supplier allowed)",
              example = "12400.00")
          BigDecimal cost,
      @Schema(example = "the 50 t minimum order on lynas-ndpr costs 12,400.00 USD")
          String explanation) {}

  /** An award rule that alone makes the request infeasible. */
  @Schema(name = "RuleConflict")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record RuleConflictView(
      @Schema(example = "MIN_SUPPLIERS") String rule,
      @Schema(example = "DY_OXIDE") String material,
      @Schema(nullable = true) String offer,
      @Schema(example = "3", nullable = true) BigDecimal limit,
      @Schema(
              example =
                  "minSuppliers 3 for DY_OXIDE cannot be met: only 2 suppliers remain after"
                      + " exclusions and the scenario")
          String explanation) {}

  /** One offer's share of the plan. */
  @Schema(name = "Allocation")
  public record AllocationView(
      @Schema(example = "lynas-ndpr") String offerId,
      @Schema(example = "lynas") String supplierId,
      @Schema(
              description = "The supplier's name, when master data or the inline offer gives one",
              example = "Lynas Rare Earths",
              nullable = true)
          String supplierName,
      @Schema(example = "NDPR_OXIDE") String material,
      @Schema(example = "MY") String country,
      @Schema(example = "100") BigDecimal quantity,
      @Schema(
              description = "Unit of the quantity, from master data; null for a material not in it",
              example = "t",
              nullable = true)
          String unit,
      @Schema(
              description = "Effective unit price after scenario price factors",
              example = "82500.00")
          BigDecimal unitPrice,
      @Schema(example = "8250000.00") BigDecimal cost,
      @Schema(example = "USD") String currency) {}

  /** Per material: demand, what was allocated, and the country shares at every stage. */
  @Schema(name = "MaterialResult")
  public record MaterialView(
      String material,
      @Schema(example = "t", nullable = true) String unit,
      BigDecimal demand,
      BigDecimal allocated,
      BigDecimal shortfall,
      @Schema(example = "9105000.00") BigDecimal cost,
      @Schema(description = "Herfindahl-Hirschman index of SUPPLY-country shares (0-10,000)")
          BigDecimal hhi,
      List<ShareView> shares,
      @Schema(
              description =
                  "Under award rules: the suppliers with a non-zero award, in id order; absent"
                      + " otherwise",
              example = "[\"lynas\", \"mp\"]",
              nullable = true)
          @JsonInclude(JsonInclude.Include.NON_NULL)
          List<String> awardedSuppliers) {}

  /** What one country supplies at one stage. */
  @Schema(name = "CountryShare")
  public record ShareView(
      @Schema(example = "SUPPLY") String stage,
      @Schema(example = "CN") String country,
      @Schema(example = "780") BigDecimal quantity,
      @Schema(description = "Share of demand", example = "0.65") BigDecimal share) {}

  /** A limit that costs money at the optimum. */
  @Schema(name = "BindingConstraint")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record BindingView(
      @Schema(
              ref = "ConstraintKind",
              description =
                  "COUNTRY_CAP, GROUP_CAP, GROUP_MIN, SUPPLIER_CAP or HHI_CAP; never EXCLUSION"
                      + " or CAPACITY, which only a diagnosis's relaxations name",
              example = "COUNTRY_CAP")
          String kind,
      @Schema(example = "NDPR_OXIDE") String material,
      @Schema(example = "SUPPLY") String stage,
      @Schema(example = "CN") String country,
      String group,
      String supplier,
      @Schema(
              description =
                  "The limit as a share of demand (SPEND basis: of purchase cost; HHI_CAP: the index, 0 to 10,000)",
              example = "0.65")
          BigDecimal limit,
      @Schema(
              description =
                  "Change of total cost per unit of quantity that the limit allows (LP dual); absent"
                      + " for a limit that binds together with others (see tie)",
              example = "-13500",
              nullable = true)
          BigDecimal shadowPrice,
      @Schema(
              example =
                  "raising the CN cap for NDPR_OXIDE at SUPPLY by 1 percentage point saves 162,000.00 USD")
          String explanation,
      @Schema(
              description =
                  "Exact saving of relaxing this limit alone by 1 percentage point, found by re-solving"
                      + " (plans up to 20,000 offers); absent when only the dual-based estimate was computed",
              nullable = true)
          BigDecimal savingsPerPercentagePoint,
      @Schema(
              description =
                  "Exact saving of relaxing this limit together with the limits it binds with",
              nullable = true)
          BigDecimal jointSavingsPerPercentagePoint,
      @Schema(
              ref = "LimitBasis",
              description =
                  "SPEND for a cap on a share of purchase cost (its shadow price is per unit of spend); absent for quantity caps")
          String basis,
      @Schema(description = "The limit's name", example = "cap[CN,SUPPLY,NDPR_OXIDE]") String name,
      @Schema(
              description =
                  "The id of the set in bindingGroups this limit binds together with; absent when it binds alone",
              example = "NDPR_OXIDE#1",
              nullable = true)
          String tie) {}

  /** Limits that bind together on the same offers, stated once. */
  @Schema(name = "BindingGroup")
  public record BindingGroupView(
      @Schema(example = "NDPR_OXIDE#1") String id,
      @Schema(example = "NDPR_OXIDE") String material,
      @Schema(
              description = "The names of the limits that bind together",
              example = "[\"cap[CN,SEPARATION,NDPR_OXIDE]\", \"cap[CN,MINING,NDPR_OXIDE]\"]")
          List<String> limits,
      @Schema(
              description =
                  "Exact saving of relaxing all of them together by 1 percentage point; absent when not computed",
              nullable = true)
          BigDecimal jointSavingsPerPercentagePoint,
      @Schema(
              example =
                  "the CN cap at SEPARATION and the CN cap at MINING bind together on the same offers of NDPR_OXIDE: raising both together by 1 percentage point saves 72,000.00 USD")
          String explanation) {}

  /** Why a plan is infeasible and what would make it feasible. */
  @Schema(name = "Diagnosis")
  public record DiagnosisView(
      List<MaterialDiagnosisView> materials,
      @Schema(
              description =
                  "Smallest single country cap (share) under which every material is feasible; null when none is",
              nullable = true)
          BigDecimal minFeasibleUniformCountryCap,
      List<RelaxationView> relaxations,
      @Schema(
              description =
                  "How the relaxations combine: the ones listed for a material are one minimal"
                      + " change, to apply together",
              example =
                  "apply the relaxations listed for a material together, not as alternatives: they"
                      + " are one minimal change, and leaving any of them out leaves that material"
                      + " infeasible; each infeasible material needs its own",
              nullable = true)
          String relaxationsNote,
      @Schema(
              description =
                  "When the policy can be met but the award rules cannot: each rule whose removal"
                      + " alone would make the request feasible")
          @JsonInclude(JsonInclude.Include.NON_EMPTY)
          List<RuleConflictView> ruleConflicts) {}

  /** Per infeasible material: how much can be bought under the policy. */
  @Schema(name = "MaterialDiagnosis")
  public record MaterialDiagnosisView(
      String material,
      @Schema(example = "t", nullable = true) String unit,
      BigDecimal demand,
      BigDecimal maxPurchasable,
      @Schema(nullable = true) BigDecimal minFeasibleUniformCountryCap,
      @Schema(example = "the limits allow buying at most 1,080 t of 1,200 t") String reason,
      @Schema(
              description = "Why no country cap, however high, helps; null when one does",
              example =
                  "no country cap helps NDPR_OXIDE, even 100 %: the available capacity, 900 t, is"
                      + " below the demand of 1,200 t",
              nullable = true)
          String uniformCapNote,
      @Schema(
              description =
                  "What allowShortfall would buy: the most the limits allow, the rest unmet at"
                      + " the shortfall penalty",
              example =
                  "with allowShortfall the plan buys at most 1,080 t of the 1,200 t demanded and"
                      + " leaves 120 t unmet, charged at the shortfall penalty of 825,000.00 USD per t"
                      + " (99,000,000.00 USD in penalties for the minimum shortfall)",
              nullable = true)
          String shortfallNote) {}

  /** One limit the minimal relaxation loosens. */
  @Schema(name = "Relaxation")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record RelaxationView(
      @Schema(ref = "ConstraintKind", example = "COUNTRY_CAP") String kind,
      String material,
      String stage,
      String country,
      String group,
      String supplier,
      BigDecimal from,
      BigDecimal to,
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
      @Schema(description = "Parts solved exactly by the greedy fast path") int fastPathParts,
      @Schema(
              description =
                  "Warm re-solves that added HHI tangent cuts (policy.maxHhi), over all parts")
          int hhiIterations,
      @Schema(
              description =
                  "Under award rules: relative gap between the plan's objective and the best bound"
                      + " proven (0 when proven optimal)",
              example = "0",
              nullable = true)
          @JsonInclude(JsonInclude.Include.NON_NULL)
          BigDecimal mipGap,
      @Schema(
              description =
                  "Under award rules: the best bound on the objective (purchase cost, fixed costs"
                      + " and shortfall penalties) the MIP solver proved",
              nullable = true)
          @JsonInclude(JsonInclude.Include.NON_NULL)
          BigDecimal bestBound) {}
}
