package com.critmin.sourcing.countrygroup;

import com.critmin.sourcing.common.Cursors;
import com.critmin.sourcing.common.MasterDataService;
import com.critmin.sourcing.common.Page;
import com.critmin.sourcing.common.Versioned;
import com.critmin.sourcing.countrygroup.api.CountryGroupRequest;
import com.critmin.sourcing.countrygroup.api.CountryGroupResponse;
import com.critmin.sourcing.policy.SourcingPolicyRepository;
import com.critmin.sourcing.problem.ApiException;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.EntityTag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
  private final SourcingPolicyRepository policies;

  public CountryGroupService(CountryGroupRepository groups, SourcingPolicyRepository policies) {
    this.groups = groups;
    this.policies = policies;
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
    List<String> users = policies.idsUsingGroup(group.id);
    if (!users.isEmpty()) {
      throw ApiException.conflict(
          "Country group '" + group.id + "' is used by sourcing policies " + users + "; change them first");
    }
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
  public Versioned<CountryGroupResponse> put(String id, CountryGroupRequest request, String ifMatch) {
    refuseBuiltIn(id);
    return super.put(id, request, ifMatch);
  }

  @Override
  public void delete(String id, String ifMatch) {
    refuseBuiltIn(id);
    super.delete(id, ifMatch);
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<CountryGroupResponse> list(String cursor, int limit) {
    String after = Cursors.decode(cursor);
    Page<CountryGroupResponse> stored = super.list(cursor, limit);
    List<CountryGroupResponse> merged = new ArrayList<>(stored.items());
    // Compared with the last stored item, not the last merged one: that one moves as built-ins are added.
    String lastStored = stored.items().isEmpty() ? null : stored.items().get(stored.items().size() - 1).id();
    for (BuiltInGroups.Group group : BuiltInGroups.ALL) {
      boolean beforeEnd = stored.nextCursor() == null || group.id().compareTo(lastStored) < 0;
      if ((after == null || group.id().compareTo(after) > 0) && beforeEnd) {
        merged.add(toResponse(group));
      }
    }
    merged.sort(Comparator.comparing(CountryGroupResponse::id));
    if (merged.size() > limit || stored.nextCursor() == null) {
      return Cursors.page(merged, limit, CountryGroupResponse::id);
    }
    return new Page<>(merged, Cursors.encode(merged.get(merged.size() - 1).id()));
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
}
