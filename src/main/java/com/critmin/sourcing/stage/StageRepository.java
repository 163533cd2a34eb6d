package com.critmin.sourcing.stage;

import com.critmin.sourcing.common.ExistingIds;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** User-defined stages by id. */
@ApplicationScoped
public class StageRepository implements PanacheRepositoryBase<Stage, String> {

  /** The ids among these that name a stored stage. */
  public Set<String> existingIds(Collection<String> ids) {
    return ExistingIds.among(getEntityManager(), Stage.class, ids);
  }

  /**
   * The ids among these that name a stored stage, locked against deletion until the transaction
   * ends: for a writer about to refer to them.
   */
  public Set<String> lockForReference(Collection<String> ids) {
    return ExistingIds.lockedForReference(this, ids).stream()
        .map(stage -> stage.id)
        .collect(Collectors.toSet());
  }

  /** Every stored stage id, for "did you mean" hints. */
  public List<String> allIds() {
    return getEntityManager()
        .createQuery("select s.id from Stage s order by s.id", String.class)
        .setMaxResults(1000)
        .getResultList();
  }
}
