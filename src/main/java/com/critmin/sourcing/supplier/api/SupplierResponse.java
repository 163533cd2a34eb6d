package com.critmin.sourcing.supplier.api;

import com.critmin.sourcing.supplier.Supplier;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A supplier as the API shows it. */
@Schema(name = "Supplier")
public record SupplierResponse(
    @Schema(example = "lynas") String id,
    @Schema(example = "Lynas Rare Earths") String name,
    @Schema(example = "AU") String country,
    @Schema(
            description =
                "Award rule: paid once, in the plan's currency, if any of the supplier's offers is awarded (qualification, onboarding, tooling)",
            example = "40000",
            nullable = true)
        Double fixedCost,
    Instant createdAt,
    Instant updatedAt) {

  public static SupplierResponse from(Supplier supplier) {
    return new SupplierResponse(
        supplier.id,
        supplier.name,
        supplier.country,
        supplier.fixedCost,
        supplier.createdAt,
        supplier.updatedAt);
  }
}
