package com.critmin.sourcing.policy;

import com.critmin.sourcing.common.CountryCode;
import com.critmin.sourcing.common.Finite;
import com.critmin.sourcing.common.ResourceIds;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The most a country (ZZ: unknown origin) may supply, as a share of demand, at a stage or at every
 * stage.
 */
@Schema(name = "CountryLimit")
public record CountryLimit(
    @Schema(example = "CN") @NotNull @CountryCode(allowUnknown = true) String country,
    @Schema(
            description = "Processing stage; every stage when absent",
            example = "SEPARATION",
            nullable = true)
        @Pattern(regexp = ResourceIds.STAGE_REGEX, message = ResourceIds.STAGE_MESSAGE)
        String stage,
    @Schema(description = "Material it applies to; every material when absent", nullable = true)
        @Pattern(regexp = ResourceIds.REGEX, message = ResourceIds.MESSAGE)
        String material,
    @Schema(description = "Share of demand in [0, 1]", example = "0.5")
        @NotNull
        @Finite
        @DecimalMin("0")
        @DecimalMax("1")
        Double maxShare,
    @Schema(
            description =
                "QUANTITY (default): share of demanded quantity; SPEND: share of the material's purchase cost",
            nullable = true)
        LimitBasis basis) {

  public CountryLimit(String country, String stage, String material, Double maxShare) {
    this(country, stage, material, maxShare, null);
  }

  /** A policy extending a preset replaces the preset's entries with the same key. */
  public String key() {
    return country + "|" + stage + "|" + material + (basis == LimitBasis.SPEND ? "|SPEND" : "");
  }
}
