package com.critmin.sourcing.analysis.api;

import com.critmin.sourcing.common.CountryCode;
import com.critmin.sourcing.common.Finite;
import com.critmin.sourcing.common.ResourceIds;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One loss: a country (at every stage or one) or a supplier, removed or scaled. */
@Schema(name = "Shock")
public record ShockRequest(
    @Schema(example = "CN", nullable = true) @CountryCode String country,
    @Schema(description = "Only at this stage; every stage when absent", nullable = true)
        @Pattern(regexp = ResourceIds.STAGE_REGEX, message = ResourceIds.STAGE_MESSAGE)
        String stage,
    @Schema(example = "lynas", nullable = true)
        @Pattern(regexp = ResourceIds.REGEX, message = ResourceIds.MESSAGE)
        String supplier,
    @Schema(
            description = "Capacity multiplier of the hit offers in [0, 1]; default 0 (removed)",
            example = "0.5",
            nullable = true)
        @Finite
        @DecimalMin("0")
        @DecimalMax("1")
        Double capacityFactor) {}
