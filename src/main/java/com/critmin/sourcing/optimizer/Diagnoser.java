package com.critmin.sourcing.optimizer;

import com.critmin.sourcing.optimizer.model.ConstraintKind;
import com.critmin.sourcing.optimizer.model.Diagnosis;
import com.critmin.sourcing.optimizer.model.Engine;
import com.critmin.sourcing.optimizer.model.MaterialDiagnosis;
import com.critmin.sourcing.optimizer.model.Relaxation;
import com.critmin.sourcing.optimizer.ortools.DiagnosisLp;
import com.critmin.sourcing.optimizer.part.MaterialPart;
import com.critmin.sourcing.optimizer.part.PolicyRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Explains infeasible materials: most purchasable, tightest feasible uniform country cap, minimal
 * relaxation.
 */
final class Diagnoser {
  /** Diagnosis LPs get at least this long even when the solve used up its time limit. */
  static final long GRACE_NANOS = 2_000_000_000L;

  private final Engine engine;
  private final long deadline;
  private final Map<String, String> units;
  private final String currency;

  /**
   * {@code units} gives each material's unit (t, kg, ...) and {@code currency} the problem's, so
   * that the texts say "at most 90 t of the 100 t demanded" and "825,000.00 USD per t".
   */
  Diagnoser(Engine engine, long solveDeadline, Map<String, String> units, String currency) {
    this.engine = engine;
    this.deadline = Math.max(solveDeadline, System.nanoTime() + GRACE_NANOS);
    this.units = units;
    this.currency = currency;
  }

  /** A quantity of the part's material with its unit: "90 t". */
  private String quantity(MaterialPart part, double amount) {
    String unit = units.get(part.material);
    return Explanations.quantity(amount) + (unit == null || unit.isBlank() ? "" : " " + unit);
  }

  /** An amount of money with the currency: "825,000.00 USD". */
  private String money(double amount) {
    return Explanations.money(amount, currency);
  }

  Diagnosis diagnose(List<MaterialPart> parts) {
    List<MaterialDiagnosis> materials = new ArrayList<>();
    List<Relaxation> relaxations = new ArrayList<>();
    Double overallCap = 0.0;
    for (MaterialPart part : parts) {
      double maxPurchasable = DiagnosisLp.maxPurchasable(part, engine, deadline);
      Double cap = DiagnosisLp.minUniformCountryCap(part, engine, deadline);
      if (cap != null) cap = Math.min(1.0, SourcingOptimizer.snap(cap, 1e-9));
      overallCap = overallCap == null || cap == null ? null : Math.max(overallCap, cap);
      materials.add(
          new MaterialDiagnosis(
              part.material,
              part.demand,
              Double.isNaN(maxPurchasable)
                  ? 0.0
                  : SourcingOptimizer.snap(maxPurchasable, part.tolerance() * 1e-3),
              cap,
              reason(part, maxPurchasable),
              cap == null ? uniformCapNote(part) : null,
              shortfallNote(part, maxPurchasable)));
      DiagnosisLp.ElasticResult elastic = DiagnosisLp.minimalRelaxation(part, engine, deadline);
      if (elastic != null) relaxations.addAll(relaxations(part, elastic));
    }
    return new Diagnosis(
        materials, overallCap, relaxations, relaxations.isEmpty() ? null : RELAXATIONS_NOTE);
  }

  /** The elastic LP finds one minimal change per material: every limit it loosens is needed. */
  static final String RELAXATIONS_NOTE =
      "apply the relaxations listed for a material together, not as alternatives: they are one"
          + " minimal change, and leaving any of them out leaves that material infeasible; each"
          + " infeasible material needs its own";

  /** Why raising every country cap, up to 100 %, still leaves the material infeasible. */
  private String uniformCapNote(MaterialPart part) {
    String m = part.material;
    String cause;
    if (part.n == 0) {
      cause = "there is no offer of " + m;
    } else if (part.availableCount == 0) {
      cause = "every available offer of " + m + " has an excluded country at some stage";
    } else if (part.availableCapacity() < part.demand - part.tolerance()) {
      cause =
          "the available capacity, "
              + quantity(part, part.availableCapacity())
              + ", is below the demand of "
              + quantity(part, part.demand);
    } else {
      cause =
          "what stops it is a supplier cap, a group limit, a minimum share or an excluded"
              + " country, not a country cap (see the relaxations)";
    }
    return "no country cap helps " + m + ", even 100 %: " + cause;
  }

  /**
   * What allowShortfall would buy: the most the limits allow, the rest unmet at the penalty the
   * plan would charge for it.
   */
  private String shortfallNote(MaterialPart part, double maxPurchasable) {
    if (Double.isNaN(maxPurchasable)) {
      return null;
    }
    double bought = Math.max(0.0, Math.min(part.demand, maxPurchasable));
    double unmet = part.demand - bought;
    if (unmet <= part.tolerance()) {
      return null;
    }
    return "with allowShortfall the plan buys at most "
        + quantity(part, bought)
        + " of the "
        + quantity(part, part.demand)
        + " demanded and leaves "
        + quantity(part, unmet)
        + " unmet, charged at the shortfall penalty of "
        + money(part.penalty)
        + " per "
        + unitName(part)
        + " ("
        + money(unmet * part.penalty)
        + " in penalties for the minimum shortfall)";
  }

  private String unitName(MaterialPart part) {
    String unit = units.get(part.material);
    return unit == null || unit.isBlank() ? "unit" : unit;
  }

  private String reason(MaterialPart part, double maxPurchasable) {
    String m = part.material;
    if (part.n == 0) return "no offer of " + m + " is available";
    if (part.availableCount == 0)
      return "every available offer of " + m + " has an excluded country at some stage";
    double capacity = part.availableCapacity();
    if (capacity < part.demand - part.tolerance()) {
      return "available capacity "
          + quantity(part, capacity)
          + " is below demand "
          + quantity(part, part.demand);
    }
    if (!Double.isNaN(maxPurchasable) && maxPurchasable < part.demand - part.tolerance()) {
      return "the limits allow buying at most "
          + quantity(part, maxPurchasable)
          + " of "
          + quantity(part, part.demand);
    }
    return "the minimum shares cannot be met together with the caps";
  }

  private static List<Relaxation> relaxations(
      MaterialPart part, DiagnosisLp.ElasticResult elastic) {
    List<Relaxation> result = new ArrayList<>();
    double demand = part.demand;
    double tol = part.tolerance();
    for (int r = 0; r < part.rows.size(); r++) {
      double slack = elastic.rowSlack()[r];
      if (slack <= tol) continue;
      PolicyRow row = part.rows.get(r);
      // A spend row's slack is money: a share of the elastic solution's spend.
      double base = row.isSpend() ? Math.max(elastic.spend(), 1e-12) : demand;
      double to =
          row.isLowerBound() ? Math.max(0.0, row.share - slack / base) : row.share + slack / base;
      result.add(
          new Relaxation(
              row.kind,
              part.material,
              row.stage,
              row.country,
              row.group,
              row.supplier,
              row.share,
              to,
              Explanations.relaxation(
                  row.kind,
                  part.material,
                  row.stage,
                  row.country,
                  row.group,
                  row.supplier,
                  row.share,
                  to)));
    }
    for (int k = 0; k < elastic.excludedCountries().size(); k++) {
      double slack = elastic.exclusionSlack()[k];
      if (slack <= tol) continue;
      String country = elastic.excludedCountries().get(k);
      double to = slack / demand;
      result.add(
          new Relaxation(
              ConstraintKind.EXCLUSION,
              part.material,
              null,
              country,
              null,
              null,
              0.0,
              to,
              Explanations.relaxation(
                  ConstraintKind.EXCLUSION, part.material, null, country, null, null, 0.0, to)));
    }
    if (elastic.demandSlack() > tol) {
      double to = demand - elastic.demandSlack();
      result.add(
          new Relaxation(
              ConstraintKind.CAPACITY,
              part.material,
              null,
              null,
              null,
              null,
              demand,
              to,
              Explanations.relaxation(
                  ConstraintKind.CAPACITY, part.material, null, null, null, null, demand, to)));
    }
    return result;
  }
}
