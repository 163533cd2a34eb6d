package com.critmin.sourcing.countrygroup.api;

import com.critmin.sourcing.common.CountryCode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of a country-group PUT. */
@Schema(name = "CountryGroupRequest")
public record CountryGroupRequest(
    @Schema(description = "Equal to the id in the path, or absent", nullable = true) String id,
    @Schema(example = "Allied refiners") @NotBlank @Size(max = 200) String name,
    @Schema(description = "ISO 3166-1 alpha-2 codes", example = "[\"AU\", \"CA\", \"JP\"]")
        @NotEmpty
        @Size(max = 250)
        List<@NotNull @CountryCode String> countries,
    @Schema(readOnly = true, nullable = true, description = "Ignored on write") Boolean builtIn,
    @Schema(readOnly = true, nullable = true, description = "Ignored on write")
        java.time.Instant createdAt,
    @Schema(readOnly = true, nullable = true, description = "Ignored on write")
        java.time.Instant updatedAt) {}
