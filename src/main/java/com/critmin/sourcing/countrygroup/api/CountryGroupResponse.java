package com.critmin.sourcing.countrygroup.api;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A country group as the API shows it. */
@Schema(name = "CountryGroup")
public record CountryGroupResponse(
    @Schema(example = "FEOC") String id,
    @Schema(example = "Foreign entities of concern") String name,
    @Schema(example = "[\"CN\", \"IR\", \"KP\", \"RU\"]") List<String> countries,
    @Schema(description = "Built-in groups are read-only") boolean builtIn,
    @Schema(nullable = true) Instant createdAt,
    @Schema(nullable = true) Instant updatedAt) {}
