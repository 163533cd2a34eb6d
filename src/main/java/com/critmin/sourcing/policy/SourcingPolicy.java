package com.critmin.sourcing.policy;

import com.critmin.sourcing.common.MasterDataEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A stored sourcing policy; its limit lists are kept as JSON text (see {@link
 * SourcingPolicyService}).
 */
@Entity
@Table(name = "sourcing_policy")
public class SourcingPolicy extends MasterDataEntity {
  @Column(nullable = false, length = 200)
  public String name;

  @Column(length = 4000)
  public String description;

  @Column(name = "extends_preset", length = 64)
  public String extendsPreset;

  @Column(name = "max_country_share")
  public Double maxCountryShare;

  @Column(name = "max_supplier_share")
  public Double maxSupplierShare;

  @Column(name = "country_limits")
  public String countryLimitsJson;

  @Column(name = "group_limits")
  public String groupLimitsJson;

  /** Comma-separated ISO codes. */
  @Column(name = "excluded_countries", length = 2000)
  public String excludedCountries;
}
