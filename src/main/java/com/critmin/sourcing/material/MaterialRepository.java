package com.critmin.sourcing.material;

import com.critmin.sourcing.common.ExistingIds;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/** Materials by id. */
@ApplicationScoped
public class MaterialRepository implements PanacheRepositoryBase<Material, String> {

  /** The ids among these that name a stored material. */
  public Set<String> existingIds(Collection<String> ids) {
    return ExistingIds.among(getEntityManager(), Material.class, ids);
  }

  /**
   * The ids among these that name a stored material, locked against deletion until the transaction
   * ends: for a writer about to refer to them.
   */
  public Set<String> lockForReference(Collection<String> ids) {
    return ExistingIds.lockedForReference(this, ids).stream()
        .map(material -> material.id)
        .collect(Collectors.toSet());
  }
}
