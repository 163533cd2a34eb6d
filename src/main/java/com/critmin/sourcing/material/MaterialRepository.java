package com.critmin.sourcing.material;

import com.critmin.sourcing.common.ExistingIds;
import com.critmin.sourcing.common.InChunks;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Materials by id. */
@ApplicationScoped
public class MaterialRepository implements PanacheRepositoryBase<Material, String> {

  /** The units of the stored materials among these ids, by id. */
  public Map<String, String> unitsOf(Collection<String> ids) {
    Map<String, String> units = new HashMap<>();
    for (Object[] row :
        InChunks.query(
            ids,
            chunk ->
                getEntityManager()
                    .createQuery(
                        "select m.id, m.unit from Material m where m.id in :ids", Object[].class)
                    .setParameter("ids", chunk)
                    .getResultList())) {
      units.put((String) row[0], (String) row[1]);
    }
    return units;
  }

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

  /** "; did you mean 'x'?" for a material id that does not exist, or nothing. */
  public String hint(String id) {
    return hints().apply(id);
  }

  /** hint(id) for many ids, reading the material ids once. */
  public java.util.function.Function<String, String> hints() {
    return ExistingIds.hints(getEntityManager(), Material.class, java.util.List.of());
  }
}
