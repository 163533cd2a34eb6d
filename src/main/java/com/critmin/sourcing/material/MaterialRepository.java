package com.critmin.sourcing.material;

import com.critmin.sourcing.common.ExistingIds;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Set;

/** Materials by id. */
@ApplicationScoped
public class MaterialRepository implements PanacheRepositoryBase<Material, String> {

  /** The ids among these that name a stored material. */
  public Set<String> existingIds(Collection<String> ids) {
    return ExistingIds.among(getEntityManager(), Material.class, ids);
  }
}
