package com.critmin.sourcing.policy;

import com.critmin.sourcing.common.MasterDataService;
import com.critmin.sourcing.countrygroup.BuiltInGroups;
import com.critmin.sourcing.countrygroup.CountryGroupService;
import com.critmin.sourcing.error.ApiException;
import com.critmin.sourcing.error.Problem;
import com.critmin.sourcing.material.MaterialRepository;
import com.critmin.sourcing.policy.api.SourcingPolicyRequest;
import com.critmin.sourcing.policy.api.SourcingPolicyResponse;
import com.critmin.sourcing.stage.StageService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Stored sourcing policies, the read-only presets, and the effective limits a plan request names.
 */
@ApplicationScoped
@Transactional
public class SourcingPolicyService
    extends MasterDataService<SourcingPolicy, SourcingPolicyRequest, SourcingPolicyResponse> {
  private static final TypeReference<List<CountryLimit>> COUNTRY_LIMITS = new TypeReference<>() {};
  private static final TypeReference<List<GroupLimit>> GROUP_LIMITS = new TypeReference<>() {};

  private final SourcingPolicyRepository policies;
  private final CountryGroupService groups;
  private final ObjectMapper json;
  private final StageService stages;
  private final MaterialRepository materials;

  public SourcingPolicyService(
      SourcingPolicyRepository policies,
      CountryGroupService groups,
      ObjectMapper json,
      StageService stages,
      MaterialRepository materials) {
    this.policies = policies;
    this.groups = groups;
    this.json = json;
    this.stages = stages;
    this.materials = materials;
  }

  @Override
  protected PanacheRepositoryBase<SourcingPolicy, String> repository() {
    return policies;
  }

  @Override
  protected String kind() {
    return "Sourcing policy";
  }

  @Override
  protected SourcingPolicy newEntity() {
    return new SourcingPolicy();
  }

  @Override
  protected void checkWritable(String id, boolean deleting) {
    if (PolicyPresets.find(id).isPresent()) {
      throw ApiException.readOnly(
          deleting
              ? "'" + id + "' is a preset and read-only"
              : "'" + id + "' is a preset and read-only; extend it with extendsPreset instead");
    }
  }

  @Override
  protected String idOf(SourcingPolicyRequest request) {
    return request.id();
  }

  @Override
  protected void apply(String id, SourcingPolicyRequest request, SourcingPolicy entity) {
    List<Problem.FieldError> errors = new ArrayList<>(validate(request.limits(), ""));
    // A plan under such a policy would always be refused (an inline policy learns it per plan).
    PolicyLimits limits = request.limits();
    if (limits.maxHhi() != null
        && (limits.minSuppliers() != null || limits.maxSuppliers() != null)) {
      errors.add(
          new Problem.FieldError(
              "maxHhi",
              "cannot be combined with minSuppliers or maxSuppliers: a plan under award rules"
                  + " takes no HHI cap"));
    }
    if (request.extendsPreset() != null && PolicyPresets.find(request.extendsPreset()).isEmpty()) {
      errors.add(
          new Problem.FieldError(
              "extendsPreset",
              "preset '"
                  + request.extendsPreset()
                  + "' does not exist"
                  + com.critmin.sourcing.error.Suggestions.hint(
                      request.extendsPreset(),
                      PolicyPresets.ALL.stream().map(PolicyPresets.Preset::id).toList())));
    }
    checkMaterials(request.limits(), errors);
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    Set<String> stored = storedGroups(request.groupLimits());
    // Locked until the policy is written; one deleted since validate() saw it is a field error.
    List<Problem.FieldError> lost = new ArrayList<>();
    stages.check(PolicyLimits.stagesNamed(request.limits(), ""), true, lost);
    if (!lost.isEmpty()) {
      throw ApiException.invalid(lost);
    }
    entity.name = request.name().strip();
    entity.description = request.description();
    entity.extendsPreset = request.extendsPreset();
    entity.maxCountryShare = request.maxCountryShare();
    entity.maxSupplierShare = request.maxSupplierShare();
    entity.maxHhi = request.maxHhi();
    entity.minSuppliers = request.minSuppliers();
    entity.maxSuppliers = request.maxSuppliers();
    entity.countryLimitsJson = write(request.countryLimits());
    entity.groupLimitsJson = write(request.groupLimits());
    entity.excludedCountries =
        limits.excludedCountries() == null ? null : String.join(",", limits.excludedCountries());
    // Changed in place: Hibernate writes only the references that come and go.
    entity.groupIds.retainAll(stored);
    entity.groupIds.addAll(stored);
  }

  /**
   * The stored groups that the limits name, locked until the policy is written; one deleted since
   * validate() saw it is a field error.
   */
  private Set<String> storedGroups(List<GroupLimit> limits) {
    Set<String> named = new HashSet<>();
    for (GroupLimit limit : limits == null ? List.<GroupLimit>of() : limits) {
      if (!BuiltInGroups.isBuiltIn(limit.group())) {
        named.add(limit.group());
      }
    }
    Set<String> present = groups.lockForReference(named);
    List<Problem.FieldError> errors = new ArrayList<>();
    for (int i = 0; limits != null && i < limits.size(); i++) {
      String group = limits.get(i).group();
      if (named.contains(group) && !present.contains(group)) {
        errors.add(
            new Problem.FieldError(
                "groupLimits[" + i + "].group",
                "country group '" + group + "' does not exist" + groups.hint(group)));
      }
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    return present;
  }

  /**
   * A stored policy's limit applies to materials of master data: one naming a material that does
   * not exist would apply to nothing.
   */
  private void checkMaterials(PolicyLimits limits, List<Problem.FieldError> errors) {
    Set<String> named = new HashSet<>();
    orEmpty(limits.countryLimits()).forEach(l -> addIfPresent(named, l.material()));
    orEmpty(limits.groupLimits()).forEach(l -> addIfPresent(named, l.material()));
    if (named.isEmpty()) {
      return;
    }
    Set<String> known = materials.existingIds(named);
    List<CountryLimit> countryLimits = orEmpty(limits.countryLimits());
    for (int i = 0; i < countryLimits.size(); i++) {
      String material = countryLimits.get(i).material();
      if (material != null && !known.contains(material)) {
        errors.add(
            new Problem.FieldError(
                "countryLimits[" + i + "].material",
                "material '"
                    + material
                    + "' does not exist"
                    + materials.hint(material)
                    + " (see /v1/materials)"));
      }
    }
    List<GroupLimit> groupLimits = orEmpty(limits.groupLimits());
    for (int i = 0; i < groupLimits.size(); i++) {
      String material = groupLimits.get(i).material();
      if (material != null && !known.contains(material)) {
        errors.add(
            new Problem.FieldError(
                "groupLimits[" + i + "].material",
                "material '"
                    + material
                    + "' does not exist"
                    + materials.hint(material)
                    + " (see /v1/materials)"));
      }
    }
  }

  private static void addIfPresent(Set<String> set, String value) {
    if (value != null) {
      set.add(value);
    }
  }

  /**
   * Bean-validated limits still need: sane min/max, and groups and stages that exist (with a "did
   * you mean" hint).
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Problem.FieldError> validate(PolicyLimits limits, String prefix) {
    List<Problem.FieldError> errors = new ArrayList<>(limits.crossFieldErrors(prefix));
    stages.check(PolicyLimits.stagesNamed(limits, prefix), false, errors);
    List<GroupLimit> groupLimits = limits.groupLimits() == null ? List.of() : limits.groupLimits();
    for (int i = 0; i < groupLimits.size(); i++) {
      GroupLimit limit = groupLimits.get(i);
      if (limit != null && groups.countries(limit.group()).isEmpty()) {
        errors.add(
            new Problem.FieldError(
                prefix + "groupLimits[" + i + "].group",
                "country group '"
                    + limit.group()
                    + "' does not exist"
                    + groups.hint(limit.group())));
      }
    }
    return errors;
  }

  @Override
  protected SourcingPolicyResponse toResponse(SourcingPolicy entity) {
    PolicyLimits limits = limitsOf(entity);
    return new SourcingPolicyResponse(
        entity.id,
        entity.name,
        entity.description,
        entity.extendsPreset,
        limits.maxCountryShare(),
        orEmpty(limits.countryLimits()),
        orEmpty(limits.groupLimits()),
        limits.maxSupplierShare(),
        orEmpty(limits.excludedCountries()),
        false,
        entity.createdAt,
        entity.updatedAt,
        limits.maxHhi(),
        limits.minSuppliers(),
        limits.maxSuppliers());
  }

  /**
   * The effective limits of a stored policy (merged onto its preset) or of a preset, if the id
   * exists.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<PolicyLimits> effectiveLimits(String id) {
    Optional<PolicyPresets.Preset> preset = PolicyPresets.find(id);
    if (preset.isPresent()) {
      return Optional.of(preset.get().limits());
    }
    return policies
        .findByIdOptional(id)
        .map(
            policy -> {
              PolicyLimits own = limitsOf(policy);
              return PolicyPresets.find(policy.extendsPreset)
                  .map(base -> own.extending(base.limits()))
                  .orElse(own);
            });
  }

  public static SourcingPolicyResponse toResponse(PolicyPresets.Preset preset) {
    PolicyLimits limits = preset.limits();
    return new SourcingPolicyResponse(
        preset.id(),
        preset.name(),
        preset.description(),
        null,
        limits.maxCountryShare(),
        orEmpty(limits.countryLimits()),
        orEmpty(limits.groupLimits()),
        limits.maxSupplierShare(),
        orEmpty(limits.excludedCountries()),
        true,
        null,
        null,
        limits.maxHhi(),
        limits.minSuppliers(),
        limits.maxSuppliers());
  }

  private PolicyLimits limitsOf(SourcingPolicy entity) {
    return new PolicyLimits(
        entity.maxCountryShare,
        read(entity.countryLimitsJson, COUNTRY_LIMITS),
        read(entity.groupLimitsJson, GROUP_LIMITS),
        entity.maxSupplierShare,
        entity.excludedCountries == null || entity.excludedCountries.isEmpty()
            ? null
            : Arrays.asList(entity.excludedCountries.split(",")),
        entity.maxHhi,
        entity.minSuppliers,
        entity.maxSuppliers);
  }

  private String write(List<?> limits) {
    if (limits == null) {
      return null;
    }
    try {
      return json.writeValueAsString(limits);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("policy limits cannot be written", e);
    }
  }

  private <T> List<T> read(String column, TypeReference<List<T>> type) {
    if (column == null) {
      return null;
    }
    try {
      return json.readValue(column, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored policy limits are not readable", e);
    }
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  /** "; did you mean 'x'?" for a policy id that is neither stored nor a preset, or nothing. */
  public String hint(String id) {
    return policies.hint(id);
  }
}
