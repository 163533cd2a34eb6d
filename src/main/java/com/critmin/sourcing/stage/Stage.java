package com.critmin.sourcing.stage;

import com.critmin.sourcing.common.MasterDataEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A user-defined processing stage; the built-in ones live in {@link BuiltInStages}. */
@Entity
@Table(name = "stage")
public class Stage extends MasterDataEntity {
  @Column(nullable = false, length = 200)
  public String name;
}
