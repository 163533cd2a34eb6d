package com.critmin.sourcing.countrygroup;

import com.critmin.sourcing.common.ExistingIds;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/** User-defined country groups by id. */
@ApplicationScoped
public class CountryGroupRepository implements PanacheRepositoryBase<CountryGroup, String> {

  /**
   * The ids among these that name a stored group, locked against deletion until the transaction
   * ends: for a writer about to refer to them.
   */
  public Set<String> lockForReference(Collection<String> ids) {
    return ExistingIds.lockedForReference(this, ids).stream()
        .map(group -> group.id)
        .collect(Collectors.toSet());
  }

  /** "; did you mean 'x'?" for a group id that is neither stored nor built in, or nothing. */
  public String hint(String id) {
    return ExistingIds.hints(
            getEntityManager(),
            CountryGroup.class,
            BuiltInGroups.ALL.stream().map(BuiltInGroups.Group::id).toList())
        .apply(id);
  }
}
