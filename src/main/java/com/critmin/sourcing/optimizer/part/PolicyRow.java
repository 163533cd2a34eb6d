package com.critmin.sourcing.optimizer.part;

import com.critmin.sourcing.optimizer.model.Basis;
import com.critmin.sourcing.optimizer.model.ConstraintKind;

/**
 * One policy row of a material's LP: {@code sum of x over members <= rhs} (or {@code >=} for a
 * group minimum), {@code rhs = share * demand}. Members index the part's candidate offers, excluded
 * ones included; the main model leaves excluded offers out.
 *
 * <p>A spend cap (basis SPEND) is {@code sum over all candidates of coef * x <= 0} with {@code coef
 * = price * ([in the country or group] - share)}: the capped spend minus the share of the total
 * spend. A varied row (a frontier's limit) has its right-hand side moved by the analysis.
 */
public final class PolicyRow {
  public final ConstraintKind kind;
  public final String stage;
  public final int stageIndex;
  public final String country;
  public final int countryIndex;
  public final String group;
  public final String supplier;
  public final double share;
  public final double rhs;
  public final int[] members;

  /** Coefficient per member, null when every coefficient is 1 (quantity rows). */
  public final double[] coef;

  public final Basis basis;

  /** True for the rows of the limit a frontier varies. */
  public final boolean varied;

  /**
   * False when the row cannot bind in the main model (its available capacity is already below the
   * cap).
   */
  public final boolean active;

  /**
   * The looser shares of other limit entries on the same target at the same specificity, which this
   * (tighter) row makes redundant; null when there are none. Explanations name them.
   */
  private double[] looser;

  private PolicyRow(
      ConstraintKind kind,
      String stage,
      int stageIndex,
      String country,
      int countryIndex,
      String group,
      String supplier,
      double share,
      double rhs,
      int[] members,
      boolean active) {
    this(
        kind,
        stage,
        stageIndex,
        country,
        countryIndex,
        group,
        supplier,
        share,
        rhs,
        members,
        active,
        null,
        Basis.QUANTITY,
        false);
  }

  private PolicyRow(
      ConstraintKind kind,
      String stage,
      int stageIndex,
      String country,
      int countryIndex,
      String group,
      String supplier,
      double share,
      double rhs,
      int[] members,
      boolean active,
      double[] coef,
      Basis basis,
      boolean varied) {
    this.coef = coef;
    this.basis = basis;
    this.varied = varied;
    this.kind = kind;
    this.stage = stage;
    this.stageIndex = stageIndex;
    this.country = country;
    this.countryIndex = countryIndex;
    this.group = group;
    this.supplier = supplier;
    this.share = share;
    this.rhs = rhs;
    this.members = members;
    this.active = active;
  }

  /** {@code country}'s cap at one stage: {@code sum x <= share * demand}. */
  static PolicyRow countryCap(
      String stage,
      int stageIndex,
      String country,
      int countryIndex,
      double share,
      double demand,
      int[] members,
      boolean active) {
    return new PolicyRow(
        ConstraintKind.COUNTRY_CAP,
        stage,
        stageIndex,
        country,
        countryIndex,
        null,
        null,
        share,
        share * demand,
        members,
        active);
  }

  /** A country group's cap at one stage: {@code sum x <= share * demand}. */
  static PolicyRow groupCap(
      String stage,
      int stageIndex,
      String group,
      double share,
      double demand,
      int[] members,
      boolean active) {
    return group(
        ConstraintKind.GROUP_CAP, stage, stageIndex, group, share, demand, members, active);
  }

  /**
   * A country group's minimum share at one stage: {@code sum x >= share * demand}; always active.
   */
  static PolicyRow groupMin(
      String stage, int stageIndex, String group, double share, double demand, int[] members) {
    return group(ConstraintKind.GROUP_MIN, stage, stageIndex, group, share, demand, members, true);
  }

  private static PolicyRow group(
      ConstraintKind kind,
      String stage,
      int stageIndex,
      String group,
      double share,
      double demand,
      int[] members,
      boolean active) {
    return new PolicyRow(
        kind, stage, stageIndex, null, -1, group, null, share, share * demand, members, active);
  }

  /** A supplier's cap, over every stage: {@code sum x <= share * demand}. */
  static PolicyRow supplierCap(
      String supplier, double share, double demand, int[] members, boolean active) {
    return new PolicyRow(
        ConstraintKind.SUPPLIER_CAP,
        null,
        -1,
        null,
        -1,
        null,
        supplier,
        share,
        share * demand,
        members,
        active);
  }

  /**
   * A spend cap of a country ({@code country} non-null) or group at one stage over all candidates
   * {@code 0..n-1}: {@code inside[i]} says whether candidate i counts toward the capped spend.
   */
  static PolicyRow spendCap(
      ConstraintKind kind,
      String stage,
      int stageIndex,
      String country,
      int countryIndex,
      String group,
      double share,
      boolean[] inside,
      double[] price) {
    int n = inside.length;
    int[] members = new int[n];
    double[] coef = new double[n];
    for (int i = 0; i < n; i++) {
      members[i] = i;
      coef[i] = price[i] * ((inside[i] ? 1.0 : 0.0) - share);
    }
    return new PolicyRow(
        kind,
        stage,
        stageIndex,
        country,
        countryIndex,
        group,
        null,
        share,
        0.0,
        members,
        true,
        coef,
        Basis.SPEND,
        false);
  }

  /** This row marked as the varied limit of a frontier, active whatever its level. */
  PolicyRow asVaried() {
    return with(share, rhs, true, true);
  }

  /** This quantity row at another share of demand (a frontier's level). */
  public PolicyRow atShare(double newShare, double demand) {
    return with(newShare, newShare * demand, active, varied);
  }

  /** A copy on the same target and members with another level, activity or role. */
  private PolicyRow with(double newShare, double newRhs, boolean newActive, boolean newVaried) {
    return new PolicyRow(
            kind,
            stage,
            stageIndex,
            country,
            countryIndex,
            group,
            supplier,
            newShare,
            newRhs,
            members,
            newActive,
            coef,
            basis,
            newVaried)
        .withLooser(looser);
  }

  /** The coefficient of the k-th member. */
  public double coefficient(int k) {
    return coef == null ? 1.0 : coef[k];
  }

  /** The row's left-hand side at quantities {@code x} (indexed by candidate). */
  public double activity(double[] x) {
    double sum = 0;
    if (coef == null) {
      for (int i : members) sum += x[i];
    } else {
      for (int k = 0; k < members.length; k++) sum += coef[k] * x[members[k]];
    }
    return sum;
  }

  public boolean isSpend() {
    return basis == Basis.SPEND;
  }

  /** The looser shares of other entries on this target, or null. */
  public double[] looser() {
    return looser;
  }

  PolicyRow withLooser(double[] shares) {
    this.looser = shares == null || shares.length == 0 ? null : shares;
    return this;
  }

  public boolean isLowerBound() {
    return kind == ConstraintKind.GROUP_MIN;
  }

  /** Business-readable row name, e.g. {@code cap[CN,SEPARATION,NDPR_OXIDE]}. */
  public String name(String material) {
    return switch (kind) {
      case COUNTRY_CAP ->
          (isSpend() ? "spendCap[" : "cap[") + country + "," + stage + "," + material + "]";
      case GROUP_CAP ->
          (isSpend() ? "groupSpendCap[" : "groupCap[") + group + "," + stage + "," + material + "]";
      case GROUP_MIN -> "groupMin[" + group + "," + stage + "," + material + "]";
      case SUPPLIER_CAP -> "supplierCap[" + supplier + "," + material + "]";
      default -> kind + "[" + material + "]";
    };
  }
}
