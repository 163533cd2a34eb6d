package com.critmin.sourcing.optimizer.part;

import com.critmin.sourcing.optimizer.model.ConstraintKind;

/**
 * One policy row of a material's LP: {@code sum of x over members <= rhs} (or {@code >=} for a
 * group minimum), {@code rhs = share * demand}. Members index the part's candidate offers, excluded
 * ones included; the main model leaves excluded offers out.
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
      case COUNTRY_CAP -> "cap[" + country + "," + stage + "," + material + "]";
      case GROUP_CAP -> "groupCap[" + group + "," + stage + "," + material + "]";
      case GROUP_MIN -> "groupMin[" + group + "," + stage + "," + material + "]";
      case SUPPLIER_CAP -> "supplierCap[" + supplier + "," + material + "]";
      default -> kind + "[" + material + "]";
    };
  }
}
