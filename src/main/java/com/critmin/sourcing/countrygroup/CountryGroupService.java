package com.critmin.sourcing.countrygroup;

import com.critmin.sourcing.common.MasterDataService;
import com.critmin.sourcing.common.Page;
import com.critmin.sourcing.common.Versioned;
import com.critmin.sourcing.countrygroup.api.CountryGroupRequest;
import com.critmin.sourcing.countrygroup.api.CountryGroupResponse;
import com.critmin.sourcing.error.ApiException;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.EntityTag;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Country groups: the built-in ones (read-only) and user-defined ones, in one id space. */
@ApplicationScoped
@Transactional
public class CountryGroupService
    extends MasterDataService<CountryGroup, CountryGroupRequest, CountryGroupResponse> {
  private static final EntityTag BUILT_IN_TAG = new EntityTag("builtin-1");

  private final CountryGroupRepository groups;
  private final Instance<CountryGroupUsage> usages;

  public CountryGroupService(CountryGroupRepository groups, Instance<CountryGroupUsage> usages) {
    this.groups = groups;
    this.usages = usages;
  }

  @Override
  protected PanacheRepositoryBase<CountryGroup, String> repository() {
    return groups;
  }

  @Override
  protected String kind() {
    return "Country group";
  }

  @Override
  protected CountryGroup newEntity() {
    return new CountryGroup();
  }

  @Override
  protected String idOf(CountryGroupRequest request) {
    return request.id();
  }

  @Override
  protected void apply(String id, CountryGroupRequest request, CountryGroup entity) {
    entity.name = request.name().strip();
    entity.countries = String.join(",", new TreeSet<>(request.countries()));
  }

  @Override
  protected CountryGroupResponse toResponse(CountryGroup entity) {
    return new CountryGroupResponse(
        entity.id, entity.name, countriesOf(entity), false, entity.createdAt, entity.updatedAt);
  }

  @Override
  protected void checkDeletable(CountryGroup group) {
    refuseIfUsed(
        group.id, usages.stream().map(usage -> usage.usesOfGroup(group.id)), "change them first");
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Versioned<CountryGroupResponse>> find(String id) {
    Optional<BuiltInGroups.Group> builtIn = BuiltInGroups.find(id);
    if (builtIn.isPresent()) {
      return Optional.of(Versioned.of(toResponse(builtIn.get()), BUILT_IN_TAG));
    }
    return super.find(id);
  }

  @Override
  protected void checkWritable(String id, boolean deleting) {
    refuseBuiltIn(id);
  }

  /** Built-in country groups first, then stored ones (see {@link #listBuiltInsFirst}). */
  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<CountryGroupResponse> list(String cursor, int limit) {
    return listBuiltInsFirst(
        "Country groups",
        BuiltInGroups.ALL.stream().map(CountryGroupService::toResponse).toList(),
        CountryGroupResponse::id,
        cursor,
        limit);
  }

  /** The countries of a built-in or stored group, if it exists. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Set<String>> countries(String id) {
    Optional<BuiltInGroups.Group> builtIn = BuiltInGroups.find(id);
    if (builtIn.isPresent()) {
      return Optional.of(builtIn.get().countries());
    }
    return groups.findByIdOptional(id).map(g -> new TreeSet<>(countriesOf(g)));
  }

  /**
   * The ids among these that name a stored group, each locked against deletion until the
   * transaction ends: a writer that stores references to them stores them or fails, never leaves
   * one to a deleted group.
   */
  public Set<String> lockForReference(Collection<String> ids) {
    return groups.lockForReference(ids);
  }

  private static void refuseBuiltIn(String id) {
    if (BuiltInGroups.isBuiltIn(id)) {
      throw ApiException.readOnly("Country group '" + id + "' is built in and read-only");
    }
  }

  private static CountryGroupResponse toResponse(BuiltInGroups.Group group) {
    return new CountryGroupResponse(
        group.id(), group.name(), List.copyOf(group.countries()), true, null, null);
  }

  private static List<String> countriesOf(CountryGroup group) {
    return Arrays.asList(group.countries.split(","));
  }

  /** "; did you mean 'x'?" for a group id that is neither stored nor built in, or nothing. */
  public String hint(String id) {
    return groups.hint(id);
  }
}
