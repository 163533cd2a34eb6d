package com.critmin.sourcing.policy;

import com.critmin.sourcing.common.MasterDataEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.util.HashSet;
import java.util.Set;

/**
 * A stored sourcing policy; its limit lists are kept as JSON text (see {@link
 * SourcingPolicyService}), and the user-defined country groups they name also as rows, so that a
 * group's users can be queried and the database refuses to delete a group still in use.
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

  @Column(name = "max_hhi")
  public Double maxHhi;

  /** Award rule: least suppliers with an award per material; null for none. */
  @Column(name = "min_suppliers")
  public Integer minSuppliers;

  /** Award rule: most suppliers with an award per material; null for none. */
  @Column(name = "max_suppliers")
  public Integer maxSuppliers;

  @Column(name = "country_limits")
  public String countryLimitsJson;

  @Column(name = "group_limits")
  public String groupLimitsJson;

  /** Comma-separated ISO codes. */
  @Column(name = "excluded_countries", length = 2000)
  public String excludedCountries;

  /** The stored (not built-in) country groups that the group limits name. */
  @ElementCollection
  @CollectionTable(name = "sourcing_policy_group", joinColumns = @JoinColumn(name = "policy_id"))
  @Column(name = "group_id", length = 64, nullable = false)
  public Set<String> groupIds = new HashSet<>();
}
