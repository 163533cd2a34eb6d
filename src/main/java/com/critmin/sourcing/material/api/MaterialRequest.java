package com.critmin.sourcing.material.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of a material PUT. */
@Schema(name = "MaterialRequest")
public record MaterialRequest(
    @Schema(description = "Equal to the id in the path, or absent", nullable = true) String id,
    @Schema(description = "Display name", example = "NdPr oxide") @NotBlank @Size(max = 200)
        String name,
    @Schema(description = "Unit in which capacities, demands and prices are stated", example = "t")
        @NotNull
        @Pattern(regexp = "[A-Za-z0-9/._-]{1,16}", message = "must be a unit such as t or kg")
        String unit,
    @Schema(readOnly = true, nullable = true, description = "Ignored on write")
        java.time.Instant createdAt,
    @Schema(readOnly = true, nullable = true, description = "Ignored on write")
        java.time.Instant updatedAt) {}
