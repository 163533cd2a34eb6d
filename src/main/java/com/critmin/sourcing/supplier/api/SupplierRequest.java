package com.critmin.sourcing.supplier.api;

import com.critmin.sourcing.common.Amounts;
import com.critmin.sourcing.common.CountryCode;
import com.critmin.sourcing.common.Finite;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of a supplier PUT. */
@Schema(name = "SupplierRequest")
public record SupplierRequest(
    @Schema(description = "Equal to the id in the path, or absent", nullable = true) String id,
    @Schema(example = "Lynas Rare Earths") @NotBlank @Size(max = 200) String name,
    @Schema(
            description =
                "Home country, ISO 3166-1 alpha-2; offers ship from here unless they say otherwise",
            example = "AU")
        @NotNull
        @CountryCode
        String country,
    @Schema(
            description =
                "Award rule: paid once, in the plan's currency, if any of the supplier's offers is awarded (qualification, onboarding, tooling)",
            example = "40000",
            nullable = true)
        @Finite
        @PositiveOrZero
        @DecimalMax(value = Amounts.MAX, message = Amounts.MAX_MESSAGE)
        Double fixedCost,
    @Schema(readOnly = true, nullable = true, description = "Ignored on write")
        java.time.Instant createdAt,
    @Schema(readOnly = true, nullable = true, description = "Ignored on write")
        java.time.Instant updatedAt) {}
