package com.critmin.sourcing.countrygroup;

import com.critmin.sourcing.common.MasterDataEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A user-defined named set of countries; the built-in ones live in {@link BuiltInGroups}. */
@Entity
@Table(name = "country_group")
public class CountryGroup extends MasterDataEntity {
  @Column(nullable = false, length = 200)
  public String name;

  /** Sorted ISO codes, comma-separated. */
  @Column(nullable = false, length = 2000)
  public String countries;
}
