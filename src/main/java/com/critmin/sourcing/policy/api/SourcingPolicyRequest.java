package com.critmin.sourcing.policy.api;

import com.critmin.sourcing.common.CountryCode;
import com.critmin.sourcing.common.Finite;
import com.critmin.sourcing.common.ResourceIds;
import com.critmin.sourcing.policy.CountryLimit;
import com.critmin.sourcing.policy.GroupLimit;
import com.critmin.sourcing.policy.PolicyLimits;
import com.critmin.sourcing.stage.NamesStages;
import com.critmin.sourcing.stage.StageService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of a sourcing-policy PUT. */
@Schema(name = "SourcingPolicyRequest")
public record SourcingPolicyRequest(
    @Schema(description = "Equal to the id in the path, or absent", nullable = true) String id,
    @Schema(example = "CRMA strict") @NotBlank @Size(max = 200) String name,
    @Schema(example = "65 % per third country, at most 50 % Chinese separation, FEOC at most 20 %")
        @Size(max = 4000)
        String description,
    @Schema(
            description = "Id of a preset whose limits this policy extends",
            example = "EU_CRMA_2030",
            nullable = true)
        @Pattern(regexp = ResourceIds.REGEX, message = ResourceIds.MESSAGE)
        String extendsPreset,
    @Schema(
            description = "Most any single country may supply at any stage, share of demand",
            example = "0.65",
            nullable = true)
        @Finite
        @DecimalMin("0")
        @DecimalMax("1")
        Double maxCountryShare,
    @Schema(description = "Country-specific limits; the most specific one applies")
        @Size(max = 10000)
        List<@Valid @NotNull CountryLimit> countryLimits,
    @Schema(description = "Caps and minimum shares for country groups") @Size(max = 1000)
        List<@Valid @NotNull GroupLimit> groupLimits,
    @Schema(
            description = "Most any single supplier may supply, share of demand",
            example = "0.5",
            nullable = true)
        @Finite
        @DecimalMin("0")
        @DecimalMax("1")
        Double maxSupplierShare,
    @Schema(description = "Countries excluded at every processing stage", example = "[\"RU\"]")
        @Size(max = 300)
        List<@NotNull @CountryCode String> excludedCountries,
    @Schema(
            description =
                "Most the Herfindahl-Hirschman index (sum of squared percentage country shares of demand) may be, per material and stage, 0 to 10,000",
            example = "5000",
            nullable = true)
        @Finite
        @DecimalMin("0")
        @DecimalMax("10000")
        Double maxHhi,
    @Schema(
            description =
                "Award rule: at least this many suppliers receive a non-zero award, per material (a"
                    + " supplier counts from 0.01 % of the material's demand; offers' minQuantity"
                    + " makes each award substantial)",
            example = "2",
            nullable = true)
        @Min(0)
        @Max(1000)
        Integer minSuppliers,
    @Schema(
            description =
                "Award rule: at most this many suppliers receive a non-zero award, per material",
            example = "3",
            nullable = true)
        @Min(1)
        @Max(1000)
        Integer maxSuppliers,
    @Schema(readOnly = true, nullable = true, description = "Ignored on write") Boolean preset,
    @Schema(readOnly = true, nullable = true, description = "Ignored on write")
        java.time.Instant createdAt,
    @Schema(readOnly = true, nullable = true, description = "Ignored on write")
        java.time.Instant updatedAt)
    implements NamesStages {

  public SourcingPolicyRequest(
      String name,
      String description,
      String extendsPreset,
      Double maxCountryShare,
      List<CountryLimit> countryLimits,
      List<GroupLimit> groupLimits,
      Double maxSupplierShare,
      List<String> excludedCountries) {
    this(
        null,
        name,
        description,
        extendsPreset,
        maxCountryShare,
        countryLimits,
        groupLimits,
        maxSupplierShare,
        excludedCountries,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  public PolicyLimits limits() {
    return new PolicyLimits(
        maxCountryShare,
        countryLimits,
        groupLimits,
        maxSupplierShare,
        excludedCountries,
        maxHhi,
        minSuppliers,
        maxSuppliers);
  }

  @Override
  public List<StageService.Reference> namedStages() {
    return PolicyLimits.stagesNamed(limits(), "");
  }
}
