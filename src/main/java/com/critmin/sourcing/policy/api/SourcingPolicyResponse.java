package com.critmin.sourcing.policy.api;

import com.critmin.sourcing.policy.CountryLimit;
import com.critmin.sourcing.policy.GroupLimit;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A stored sourcing policy or a preset as the API shows it. */
@Schema(name = "SourcingPolicy")
public record SourcingPolicyResponse(
    @Schema(example = "crma-strict") String id,
    @Schema(example = "CRMA strict") String name,
    @Schema(nullable = true) String description,
    @Schema(nullable = true) String extendsPreset,
    @Schema(nullable = true) Double maxCountryShare,
    List<CountryLimit> countryLimits,
    List<GroupLimit> groupLimits,
    @Schema(nullable = true) Double maxSupplierShare,
    List<String> excludedCountries,
    @Schema(description = "Presets are read-only") boolean preset,
    @Schema(nullable = true) Instant createdAt,
    @Schema(nullable = true) Instant updatedAt,
    @Schema(nullable = true) Double maxHhi,
    @Schema(nullable = true) Integer minSuppliers,
    @Schema(nullable = true) Integer maxSuppliers) {}
