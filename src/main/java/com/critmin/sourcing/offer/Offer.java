package com.critmin.sourcing.offer;

import com.critmin.sourcing.common.MasterDataEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Map;

/**
 * A supplier's offer of one material: capacity per planning period, unit price, countries of
 * origin.
 */
@Entity
@Table(name = "offer")
public class Offer extends MasterDataEntity {
  @Column(name = "supplier_id", nullable = false, length = 64)
  public String supplierId;

  @Column(name = "material_id", nullable = false, length = 64)
  public String materialId;

  /** The country it ships from: processing stage SUPPLY. */
  @Column(nullable = false, length = 2)
  public String country;

  @Column(nullable = false)
  public double capacity;

  @Column(name = "unit_price", nullable = false)
  public double unitPrice;

  @Column(nullable = false, length = 3)
  public String currency;

  /** Country of each upstream processing stage, e.g. MINING -> MM. */
  @Convert(converter = OriginsConverter.class)
  @Column(length = 4000)
  public Map<String, String> origins;

  @Column(name = "valid_from")
  public LocalDate validFrom;

  @Column(name = "valid_to")
  public LocalDate validTo;

  /** Award rule: bought not at all or at least this much; null for none. */
  @Column(name = "min_quantity")
  public Double minQuantity;

  /** Award rule: bought in whole multiples of this; null for none. */
  @Column(name = "lot_size")
  public Double lotSize;
}
