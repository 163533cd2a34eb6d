package com.critmin.sourcing.analysis;

import com.critmin.sourcing.analysis.api.FrontierResponse;
import com.critmin.sourcing.analysis.api.ShockRequest;
import com.critmin.sourcing.analysis.api.StressTestResponse;
import com.critmin.sourcing.analysis.api.VaryRequest;
import com.critmin.sourcing.optimizer.model.Frontier;
import com.critmin.sourcing.optimizer.model.Status;
import com.critmin.sourcing.optimizer.model.StressTest;
import com.critmin.sourcing.plan.api.PlanResponse;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The optimizer's frontiers and stress tests as the API answers them; no binary noise. */
final class AnalysisMapper {
  private AnalysisMapper() {}

  static FrontierResponse frontier(AnalysisRun run, VaryRequest vary, Frontier f) {
    boolean timedOut = f.points().stream().anyMatch(p -> p.status() == Status.TIME_LIMIT);
    return new FrontierResponse(
        run.id,
        (timedOut ? AnalysisStatus.TIME_LIMIT : AnalysisStatus.COMPLETED).name(),
        run.createdAt,
        run.completedAt,
        run.currency,
        vary,
        f.minFeasibleLevel() == null ? null : significant(f.minFeasibleLevel()),
        f.points().stream().map(AnalysisMapper::point).toList(),
        point(f.baseline()),
        f.breakpoints().stream()
            .map(
                b ->
                    new FrontierResponse.BreakpointView(
                        significant(b.level()), money(b.totalCost())))
            .toList(),
        stats(f.stats()),
        run.inputDigest,
        null);
  }

  static FrontierResponse frontierStatus(
      AnalysisRun run, VaryRequest vary, AnalysisStatus status, String error) {
    return new FrontierResponse(
        run.id,
        status.name(),
        run.createdAt,
        run.completedAt,
        run.currency,
        vary,
        null,
        List.of(),
        null,
        List.of(),
        null,
        run.inputDigest,
        error);
  }

  private static FrontierResponse.PointView point(Frontier.Point p) {
    return new FrontierResponse.PointView(
        significant(p.level()),
        p.status().name(),
        p.totalCost() == null ? null : money(p.totalCost()),
        p.marginalCostPerPoint() == null ? null : money(p.marginalCostPerPoint()),
        p.shortfall() > 0 ? significant(p.shortfall()) : null,
        p.uncovered().isEmpty()
            ? null
            : p.uncovered().stream()
                .map(
                    u ->
                        new FrontierResponse.UncoveredView(
                            u.material(),
                            u.demand(),
                            u.coverableFromLevel() == null
                                ? null
                                : significant(u.coverableFromLevel())))
                .toList());
  }

  private static FrontierResponse.StatsView stats(Frontier.Stats s) {
    return new FrontierResponse.StatsView(
        s.solves(), s.pivots(), s.parts(), s.variedParts(), s.wallTimeMillis());
  }

  /** The award rules behind an infeasible outcome; absent when there are none. */
  private static List<PlanResponse.RuleConflictView> conflicts(StressTest.Outcome outcome) {
    if (outcome.ruleConflicts().isEmpty()) return null;
    return outcome.ruleConflicts().stream()
        .map(
            c ->
                new PlanResponse.RuleConflictView(
                    c.rule().name(),
                    c.material(),
                    c.offer(),
                    c.limit() == null ? null : BigDecimal.valueOf(c.limit()).stripTrailingZeros(),
                    c.explanation()))
        .toList();
  }

  /** Whether an outcome has a cost: not when the policy or rules cannot be met even short. */
  private static boolean costed(StressTest.Outcome outcome) {
    return outcome.status() == Status.OPTIMAL;
  }

  static StressTestResponse stressTest(AnalysisRun run, StressTest t) {
    List<StressTestResponse.ShockView> shocks = new ArrayList<>();
    int rank = 1;
    boolean timedOut = t.baseline().status() == Status.TIME_LIMIT;
    for (StressTest.ShockOutcome o : t.shocks()) {
      timedOut |= o.outcome().status() == Status.TIME_LIMIT;
      shocks.add(
          new StressTestResponse.ShockView(
              rank++,
              o.shock().label(),
              new ShockRequest(
                  o.shock().country(),
                  o.shock().stage(),
                  o.shock().supplier(),
                  o.shock().capacityFactor()),
              o.outcome().status().name(),
              costed(o.outcome()) ? money(o.outcome().totalCost()) : null,
              costed(o.outcome()) ? money(o.costDelta()) : null,
              !costed(o.outcome()) || o.costDeltaPercent() == null
                  ? null
                  : money(o.costDeltaPercent()),
              significant(o.outcome().shortfall()),
              quantities(o.outcome().shortfallByMaterial()),
              o.newlyBinding().stream()
                  .map(
                      b ->
                          new StressTestResponse.BindingView(
                              b.kind().name(),
                              b.material(),
                              b.stage(),
                              b.country(),
                              b.group(),
                              b.supplier(),
                              b.basis().name(),
                              significant(b.limit()),
                              significant(b.shadowPrice())))
                  .toList(),
              conflicts(o.outcome())));
    }
    StressTest.Outcome base = t.baseline();
    return new StressTestResponse(
        run.id,
        (timedOut ? AnalysisStatus.TIME_LIMIT : AnalysisStatus.COMPLETED).name(),
        run.createdAt,
        run.completedAt,
        run.currency,
        new StressTestResponse.OutcomeView(
            base.status().name(),
            costed(base) ? money(base.totalCost()) : null,
            significant(base.shortfall()),
            quantities(base.shortfallByMaterial()),
            conflicts(base)),
        shocks,
        stats(t.stats()),
        run.inputDigest,
        null);
  }

  static StressTestResponse stressStatus(AnalysisRun run, AnalysisStatus status, String error) {
    return new StressTestResponse(
        run.id,
        status.name(),
        run.createdAt,
        run.completedAt,
        run.currency,
        null,
        List.of(),
        null,
        run.inputDigest,
        error);
  }

  private static Map<String, Double> quantities(Map<String, Double> byMaterial) {
    Map<String, Double> result = new LinkedHashMap<>();
    byMaterial.forEach((k, v) -> result.put(k, significant(v)));
    return result;
  }

  /** Money to the cent (the currency's minor unit for the ISO currencies this service takes). */
  static double money(double value) {
    return BigDecimal.valueOf(value).setScale(2, java.math.RoundingMode.HALF_EVEN).doubleValue();
  }

  /** 12 significant digits: removes solver noise from shares and quantities. */
  static double significant(double value) {
    return Double.isFinite(value)
        ? new BigDecimal(value).round(new MathContext(12)).doubleValue()
        : value;
  }
}
