package com.critmin.sourcing.policy;

import com.critmin.sourcing.common.Finite;
import com.critmin.sourcing.common.ResourceIds;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bounds on the share of demand that a country group supplies, at a stage or at every stage. */
@Schema(name = "GroupLimit")
public record GroupLimit(
    @Schema(
            description = "Country group id (built-in EU, FEOC, MSP or user-defined)",
            example = "FEOC")
        @NotNull
        @Pattern(regexp = ResourceIds.REGEX, message = ResourceIds.MESSAGE)
        String group,
    @Schema(
            description = "Most the group may supply, share of demand in [0, 1]",
            example = "0.2",
            nullable = true)
        @Finite
        @DecimalMin("0")
        @DecimalMax("1")
        Double maxShare,
    @Schema(description = "Least the group must supply, share of demand in [0, 1]", nullable = true)
        @Finite
        @DecimalMin("0")
        @DecimalMax("1")
        Double minShare,
    @Schema(description = "Processing stage; every stage when absent", nullable = true)
        @Pattern(regexp = ResourceIds.STAGE_REGEX, message = ResourceIds.STAGE_MESSAGE)
        String stage,
    @Schema(description = "Material it applies to; every material when absent", nullable = true)
        @Pattern(regexp = ResourceIds.REGEX, message = ResourceIds.MESSAGE)
        String material,
    @Schema(
            description =
                "QUANTITY (default): share of demanded quantity; SPEND: share of the material's purchase cost",
            nullable = true)
        LimitBasis basis) {

  public GroupLimit(String group, Double maxShare, Double minShare, String stage, String material) {
    this(group, maxShare, minShare, stage, material, null);
  }

  /** A policy extending a preset replaces the preset's entries with the same key. */
  public String key() {
    return group + "|" + stage + "|" + material + (basis == LimitBasis.SPEND ? "|SPEND" : "");
  }
}
