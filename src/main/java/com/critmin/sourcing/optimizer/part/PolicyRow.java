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

  PolicyRow(
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
