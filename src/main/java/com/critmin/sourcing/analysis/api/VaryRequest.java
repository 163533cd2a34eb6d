package com.critmin.sourcing.analysis.api;

import com.critmin.sourcing.common.CountryCode;
import com.critmin.sourcing.common.ResourceIds;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Which limit a frontier varies. */
@Schema(name = "Vary")
public record VaryRequest(
    @Schema(
            ref = "VaryKind",
            description =
                "MAX_COUNTRY_SHARE (the uniform country cap at every stage; more specific limits still apply),"
                    + " COUNTRY_LIMIT (country, optional stage and material) or GROUP_LIMIT (group, optional stage)",
            example = "MAX_COUNTRY_SHARE")
        @Pattern(
            regexp = "MAX_COUNTRY_SHARE|COUNTRY_LIMIT|GROUP_LIMIT",
            message = "must be MAX_COUNTRY_SHARE, COUNTRY_LIMIT or GROUP_LIMIT")
        String kind,
    @Schema(example = "CN", nullable = true) @CountryCode(allowUnknown = true) String country,
    @Schema(example = "SEPARATION", nullable = true)
        @Pattern(regexp = ResourceIds.STAGE_REGEX, message = ResourceIds.STAGE_MESSAGE)
        String stage,
    @Schema(nullable = true) @Pattern(regexp = ResourceIds.REGEX, message = ResourceIds.MESSAGE)
        String material,
    @Schema(example = "FEOC", nullable = true)
        @Pattern(regexp = ResourceIds.REGEX, message = ResourceIds.MESSAGE)
        String group) {}
