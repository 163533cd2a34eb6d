package com.critmin.sourcing.material;

import com.critmin.sourcing.common.MasterDataEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Something bought, in one unit. */
@Entity
@Table(name = "material")
public class Material extends MasterDataEntity {
  @Column(nullable = false, length = 200)
  public String name;

  @Column(nullable = false, length = 16)
  public String unit;
}
