package com.critmin.sourcing.supplier;

import com.critmin.sourcing.common.MasterDataEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A company that offers materials, with its home country. */
@Entity
@Table(name = "supplier")
public class Supplier extends MasterDataEntity {
  @Column(nullable = false, length = 200)
  public String name;

  @Column(nullable = false, length = 2)
  public String country;

  /**
   * Award rule: paid once, in the plan's currency, if any of its offers is awarded; null for none.
   */
  @Column(name = "fixed_cost")
  public Double fixedCost;
}
