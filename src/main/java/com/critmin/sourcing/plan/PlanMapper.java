package com.critmin.sourcing.plan;

import com.critmin.sourcing.optimizer.model.Diagnosis;
import com.critmin.sourcing.optimizer.model.Solution;
import com.critmin.sourcing.optimizer.model.SolverStats;
import com.critmin.sourcing.optimizer.model.Status;
import com.critmin.sourcing.plan.api.PlanResponse;
import com.critmin.sourcing.plan.api.PlanResponse.AllocationView;
import com.critmin.sourcing.plan.api.PlanResponse.BindingGroupView;
import com.critmin.sourcing.plan.api.PlanResponse.BindingView;
import com.critmin.sourcing.plan.api.PlanResponse.DiagnosisView;
import com.critmin.sourcing.plan.api.PlanResponse.MaterialDiagnosisView;
import com.critmin.sourcing.plan.api.PlanResponse.MaterialView;
import com.critmin.sourcing.plan.api.PlanResponse.RelaxationView;
import com.critmin.sourcing.plan.api.PlanResponse.RuleConflictView;
import com.critmin.sourcing.plan.api.PlanResponse.RuleCostView;
import com.critmin.sourcing.plan.api.PlanResponse.ShareView;
import com.critmin.sourcing.plan.api.PlanResponse.SolverView;
import com.critmin.sourcing.plan.api.PlanWarning;
import java.time.Instant;
import java.util.List;

/** Maps the optimizer's solution onto the API's plan representation. */
final class PlanMapper {
  private PlanMapper() {}

  static PlanResponse solved(
      String id,
      String reference,
      List<PlanWarning> warnings,
      Names names,
      Instant createdAt,
      Instant completedAt,
      String currency,
      String digest,
      Solution solution,
      String solverVersion) {
    // INFEASIBLE has no allocation; TIME_LIMIT has one only for the materials that finished in
    // time.
    boolean hasPoint =
        solution.status() == Status.OPTIMAL
            || (solution.status() == Status.TIME_LIMIT && !solution.materials().isEmpty());
    return new PlanResponse(
        id,
        reference,
        solution.status().name(),
        createdAt,
        completedAt,
        currency,
        hasPoint ? Decimals.money(solution.totalCost(), currency) : null,
        solution.allocations().stream()
            .map(
                a ->
                    new AllocationView(
                        a.offerId(),
                        a.supplierId(),
                        names.supplierName(a.supplierId()),
                        a.material(),
                        a.country(),
                        Decimals.sixDecimals(a.quantity()),
                        names.unit(a.material()),
                        Decimals.money(a.unitPrice(), currency),
                        Decimals.money(a.cost(), currency),
                        currency))
            .toList(),
        solution.materials().stream()
            .map(
                m ->
                    new MaterialView(
                        m.material(),
                        names.unit(m.material()),
                        Decimals.sixDecimals(m.demand()),
                        Decimals.sixDecimals(m.allocated()),
                        Decimals.sixDecimals(m.shortfall()),
                        Decimals.money(m.cost(), currency),
                        Decimals.hhi(m.hhi()),
                        m.shares().stream()
                            .map(
                                s ->
                                    new ShareView(
                                        s.stage(),
                                        s.country(),
                                        Decimals.sixDecimals(s.quantity()),
                                        Decimals.sixDecimals(s.share())))
                            .toList(),
                        m.awardedSuppliers()))
            .toList(),
        solution.bindingConstraints().stream()
            .map(
                b ->
                    new BindingView(
                        b.kind().name(),
                        b.material(),
                        b.stage(),
                        b.country(),
                        b.group(),
                        b.supplier(),
                        Decimals.sixDecimals(b.limit()),
                        // A tied limit's dual is one of several; the tie's figure is what counts.
                        b.tie() == null ? Decimals.sixDecimals(b.shadowPrice()) : null,
                        b.explanation(),
                        Decimals.money(b.savingsPerPercentagePoint(), currency),
                        Decimals.money(b.jointSavingsPerPercentagePoint(), currency),
                        b.basis() == com.critmin.sourcing.optimizer.model.Basis.SPEND
                            ? "SPEND"
                            : null,
                        b.name(),
                        b.tie() == null ? null : b.tie().id()))
            .toList(),
        ties(solution, currency),
        diagnosis(solution.diagnosis(), names),
        warnings,
        solver(solution.solver(), solverVersion, currency),
        digest,
        null,
        // Plans under award rules carry the figures; LP plans keep their shape.
        hasPoint && solution.materials().stream().anyMatch(m -> m.awardedSuppliers() != null)
            ? Decimals.money(solution.fixedCosts(), currency)
            : null,
        solution.ruleCosts().stream()
            .map(
                r ->
                    new RuleCostView(
                        r.rule().name(),
                        r.material(),
                        r.offer(),
                        r.supplier(),
                        Decimals.sixDecimals(r.limit()),
                        Decimals.money(r.cost(), currency),
                        r.explanation()))
            .toList());
  }

  static PlanResponse pending(
      String id,
      String reference,
      List<PlanWarning> warnings,
      PlanStatus status,
      Instant createdAt,
      String currency,
      String digest) {
    return new PlanResponse(
        id,
        reference,
        status.name(),
        createdAt,
        null,
        currency,
        null,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        null,
        warnings,
        null,
        digest,
        null,
        null,
        List.of());
  }

  static PlanResponse cancelled(
      String id,
      String reference,
      List<PlanWarning> warnings,
      Instant createdAt,
      Instant completedAt,
      String currency,
      String digest) {
    return new PlanResponse(
        id,
        reference,
        PlanStatus.CANCELLED.name(),
        createdAt,
        completedAt,
        currency,
        null,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        null,
        warnings,
        null,
        digest,
        null,
        null,
        List.of());
  }

  static PlanResponse failed(
      String id,
      String reference,
      List<PlanWarning> warnings,
      Instant createdAt,
      Instant completedAt,
      String currency,
      String digest,
      String failure) {
    return new PlanResponse(
        id,
        reference,
        PlanStatus.FAILED.name(),
        createdAt,
        completedAt,
        currency,
        null,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        null,
        warnings,
        null,
        digest,
        failure,
        null,
        List.of());
  }

  /** Each set of limits that bind together, once, in the order their first member appears. */
  private static List<BindingGroupView> ties(Solution solution, String currency) {
    java.util.Map<String, BindingGroupView> ties = new java.util.LinkedHashMap<>();
    for (var b : solution.bindingConstraints()) {
      var tie = b.tie();
      if (tie != null && !ties.containsKey(tie.id())) {
        ties.put(
            tie.id(),
            new BindingGroupView(
                tie.id(),
                b.material(),
                tie.limits(),
                Decimals.money(tie.jointSavingsPerPercentagePoint(), currency),
                tie.explanation()));
      }
    }
    return List.copyOf(ties.values());
  }

  private static DiagnosisView diagnosis(Diagnosis diagnosis, Names names) {
    if (diagnosis == null) {
      return null;
    }
    return new DiagnosisView(
        diagnosis.materials().stream()
            .map(
                m ->
                    new MaterialDiagnosisView(
                        m.material(),
                        names.unit(m.material()),
                        Decimals.sixDecimals(m.demand()),
                        Decimals.sixDecimals(m.maxPurchasable()),
                        Decimals.sixDecimals(m.minFeasibleUniformCountryCap()),
                        m.reason(),
                        m.uniformCapNote(),
                        m.shortfallNote()))
            .toList(),
        Decimals.sixDecimals(diagnosis.minFeasibleUniformCountryCap()),
        diagnosis.relaxations().stream()
            .map(
                r ->
                    new RelaxationView(
                        r.kind().name(),
                        r.material(),
                        r.stage(),
                        r.country(),
                        r.group(),
                        r.supplier(),
                        Decimals.sixDecimals(r.from()),
                        Decimals.sixDecimals(r.to()),
                        r.explanation()))
            .toList(),
        diagnosis.relaxationsNote(),
        diagnosis.ruleConflicts().stream()
            .map(
                c ->
                    new RuleConflictView(
                        c.rule().name(),
                        c.material(),
                        c.offer(),
                        Decimals.sixDecimals(c.limit()),
                        c.explanation()))
            .toList());
  }

  /** Supplier names and material units for the allocation lines; null where none is known. */
  interface Names {
    Names NONE =
        new Names() {
          @Override
          public String supplierName(String supplierId) {
            return null;
          }

          @Override
          public String unit(String material) {
            return null;
          }
        };

    String supplierName(String supplierId);

    String unit(String material);
  }

  private static SolverView solver(SolverStats stats, String version, String currency) {
    if (stats == null) {
      return null;
    }
    return new SolverView(
        stats.engine(),
        version,
        stats.wallTimeMillis(),
        stats.variables(),
        stats.constraints(),
        stats.parts(),
        stats.fastPathParts(),
        stats.hhiIterations(),
        Decimals.sixDecimals(stats.mipGap()),
        Decimals.money(stats.bestBound(), currency));
  }
}
