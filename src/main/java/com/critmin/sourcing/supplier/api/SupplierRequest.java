package com.critmin.sourcing.supplier.api;

import com.critmin.sourcing.common.CountryCode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
    @Schema(readOnly = true, nullable = true, description = "Ignored on write")
        java.time.Instant createdAt,
    @Schema(readOnly = true, nullable = true, description = "Ignored on write")
        java.time.Instant updatedAt) {}
