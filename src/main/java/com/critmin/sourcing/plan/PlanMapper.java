package com.critmin.sourcing.plan;

import com.critmin.sourcing.optimizer.model.Diagnosis;
import com.critmin.sourcing.optimizer.model.Solution;
import com.critmin.sourcing.optimizer.model.SolverStats;
import com.critmin.sourcing.optimizer.model.Status;
import com.critmin.sourcing.plan.api.PlanResponse;
import com.critmin.sourcing.plan.api.PlanResponse.AllocationView;
import com.critmin.sourcing.plan.api.PlanResponse.BindingView;
import com.critmin.sourcing.plan.api.PlanResponse.DiagnosisView;
import com.critmin.sourcing.plan.api.PlanResponse.MaterialDiagnosisView;
import com.critmin.sourcing.plan.api.PlanResponse.MaterialView;
import com.critmin.sourcing.plan.api.PlanResponse.RelaxationView;
import com.critmin.sourcing.plan.api.PlanResponse.ShareView;
import com.critmin.sourcing.plan.api.PlanResponse.SolverView;
import com.critmin.sourcing.plan.api.PlanWarning;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.List;

/** Maps the optimizer's solution onto the API's plan representation. */
final class PlanMapper {
  private PlanMapper() {}

  static PlanResponse solved(
      String id,
      String reference,
      List<PlanWarning> warnings,
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
        hasPoint ? solution.totalCost() : null,
        solution.allocations().stream()
            .map(
                a ->
                    new AllocationView(
                        a.offerId(),
                        a.supplierId(),
                        a.material(),
                        a.country(),
                        a.quantity(),
                        a.unitPrice(),
                        a.cost()))
            .toList(),
        solution.materials().stream()
            .map(
                m ->
                    new MaterialView(
                        m.material(),
                        m.demand(),
                        m.allocated(),
                        m.shortfall(),
                        m.cost(),
                        m.hhi(),
                        m.shares().stream()
                            .map(
                                s -> new ShareView(s.stage(), s.country(), s.quantity(), s.share()))
                            .toList()))
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
                        b.limit(),
                        b.shadowPrice(),
                        b.explanation(),
                        b.savingsPerPercentagePoint(),
                        b.jointSavingsPerPercentagePoint()))
            .toList(),
        diagnosis(solution.diagnosis()),
        warnings,
        solver(solution.solver(), solverVersion),
        digest,
        null);
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
        null,
        warnings,
        null,
        digest,
        null);
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
        null,
        warnings,
        null,
        digest,
        failure);
  }

  private static DiagnosisView diagnosis(Diagnosis diagnosis) {
    if (diagnosis == null) {
      return null;
    }
    return new DiagnosisView(
        diagnosis.materials().stream()
            .map(
                m ->
                    new MaterialDiagnosisView(
                        m.material(),
                        m.demand(),
                        m.maxPurchasable(),
                        m.minFeasibleUniformCountryCap(),
                        m.reason()))
            .toList(),
        diagnosis.minFeasibleUniformCountryCap(),
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
                        significant(r.from()),
                        significant(r.to()),
                        r.explanation()))
            .toList());
  }

  /**
   * Twelve significant digits: 0.3 rather than 0.30000000000000004, without losing any real
   * precision.
   */
  private static double significant(double value) {
    return Double.isFinite(value)
        ? new BigDecimal(value).round(new MathContext(12)).doubleValue()
        : value;
  }

  private static SolverView solver(SolverStats stats, String version) {
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
        stats.fastPathParts());
  }
}
