package com.critmin.sourcing.policy;

import com.critmin.sourcing.common.CountryCode;
import com.critmin.sourcing.common.Finite;
import com.critmin.sourcing.error.Problem;
import com.critmin.sourcing.stage.StageReferences;
import com.critmin.sourcing.stage.StageService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The limits of a sourcing policy; every field is optional and absent means no limit. */
@Schema(name = "PolicyLimits")
public record PolicyLimits(
    @Schema(
            description = "Most any single country may supply at any stage, share of demand",
            example = "0.65",
            nullable = true)
        @Finite
        @DecimalMin("0")
        @DecimalMax("1")
        Double maxCountryShare,
    @Schema(
            description =
                "Country-specific limits; the most specific one applies (material and stage beat stage, beat none)")
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
        Integer maxSuppliers) {

  public static final PolicyLimits NONE = new PolicyLimits(null, null, null, null, null);

  /** Share limits only: no HHI cap, no supplier counts. */
  public PolicyLimits(
      Double maxCountryShare,
      List<CountryLimit> countryLimits,
      List<GroupLimit> groupLimits,
      Double maxSupplierShare,
      List<String> excludedCountries) {
    this(
        maxCountryShare,
        countryLimits,
        groupLimits,
        maxSupplierShare,
        excludedCountries,
        null,
        null,
        null);
  }

  public PolicyLimits {
    // Copies tolerate null elements so that validation, not the constructor, reports them.
    countryLimits =
        countryLimits == null ? null : Collections.unmodifiableList(new ArrayList<>(countryLimits));
    groupLimits =
        groupLimits == null ? null : Collections.unmodifiableList(new ArrayList<>(groupLimits));
    excludedCountries =
        excludedCountries == null
            ? null
            : Collections.unmodifiableList(new ArrayList<>(excludedCountries));
  }

  /** Field by field: every field that {@code override} gives replaces this one's. */
  public PolicyLimits overriddenBy(PolicyLimits override) {
    if (override == null) {
      return this;
    }
    return new PolicyLimits(
        override.maxCountryShare != null ? override.maxCountryShare : maxCountryShare,
        override.countryLimits != null ? override.countryLimits : countryLimits,
        override.groupLimits != null ? override.groupLimits : groupLimits,
        override.maxSupplierShare != null ? override.maxSupplierShare : maxSupplierShare,
        override.excludedCountries != null ? override.excludedCountries : excludedCountries,
        override.maxHhi != null ? override.maxHhi : maxHhi,
        override.minSuppliers != null ? override.minSuppliers : minSuppliers,
        override.maxSuppliers != null ? override.maxSuppliers : maxSuppliers);
  }

  /**
   * A policy extending a base: scalars given here replace the base's, limits with the same key
   * replace the base's entry and others are added, exclusions add up.
   */
  public PolicyLimits extending(PolicyLimits base) {
    Set<String> excluded = new TreeSet<>(orEmpty(base.excludedCountries));
    excluded.addAll(orEmpty(excludedCountries));
    return new PolicyLimits(
        maxCountryShare != null ? maxCountryShare : base.maxCountryShare,
        merge(base.countryLimits, countryLimits, CountryLimit::key),
        merge(base.groupLimits, groupLimits, GroupLimit::key),
        maxSupplierShare != null ? maxSupplierShare : base.maxSupplierShare,
        excluded.isEmpty() ? null : List.copyOf(excluded),
        maxHhi != null ? maxHhi : base.maxHhi,
        minSuppliers != null ? minSuppliers : base.minSuppliers,
        maxSuppliers != null ? maxSuppliers : base.maxSuppliers);
  }

  /**
   * Rules across fields; group and stage existence are checked by the caller that knows them.
   * Several entries for one target are allowed and all apply (a group's minimum and maximum in two
   * entries; two maxima, of which the tighter binds): policies are built from presets plus
   * overrides.
   */
  public List<Problem.FieldError> crossFieldErrors(String prefix) {
    List<Problem.FieldError> errors = new ArrayList<>();
    if (minSuppliers != null && maxSuppliers != null && minSuppliers > maxSuppliers) {
      errors.add(new Problem.FieldError(prefix + "minSuppliers", "must not exceed maxSuppliers"));
    }
    List<GroupLimit> groups = orEmpty(groupLimits);
    for (int i = 0; i < groups.size(); i++) {
      GroupLimit limit = groups.get(i);
      if (limit == null) {
        continue;
      }
      String at = prefix + "groupLimits[" + i + "]";
      if (limit.maxShare() == null && limit.minShare() == null) {
        errors.add(new Problem.FieldError(at, "give maxShare, minShare or both"));
      }
      if (limit.maxShare() != null
          && limit.minShare() != null
          && limit.minShare() > limit.maxShare()) {
        errors.add(new Problem.FieldError(at + ".minShare", "must not exceed maxShare"));
      }
    }
    return errors;
  }

  /**
   * The base's entries whose key the overriding list does not give, then every overriding entry: an
   * extending policy replaces what its preset says of a target, and its own entries compose.
   */
  /** The stages these limits name; {@code prefix} goes before each field ("policy."). */
  public static List<StageService.Reference> stagesNamed(PolicyLimits limits, String prefix) {
    List<StageService.Reference> found = new ArrayList<>();
    if (limits == null) return found;
    List<CountryLimit> countryLimits = orEmpty(limits.countryLimits());
    for (int i = 0; i < countryLimits.size(); i++) {
      if (countryLimits.get(i) != null) {
        StageReferences.add(
            prefix + "countryLimits[" + i + "].stage", countryLimits.get(i).stage(), found);
      }
    }
    List<GroupLimit> groupLimits = orEmpty(limits.groupLimits());
    for (int i = 0; i < groupLimits.size(); i++) {
      if (groupLimits.get(i) != null) {
        StageReferences.add(
            prefix + "groupLimits[" + i + "].stage", groupLimits.get(i).stage(), found);
      }
    }
    return found;
  }

  private static <T> List<T> merge(List<T> base, List<T> over, Function<T, String> key) {
    if (base == null && over == null) {
      return null;
    }
    Set<String> overridden = new HashSet<>();
    orEmpty(over).forEach(limit -> overridden.add(key.apply(limit)));
    List<T> merged = new ArrayList<>();
    for (T limit : orEmpty(base)) {
      if (!overridden.contains(key.apply(limit))) {
        merged.add(limit);
      }
    }
    merged.addAll(orEmpty(over));
    return List.copyOf(merged);
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
