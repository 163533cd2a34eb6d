package com.critmin.sourcing.common;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Which of many ids exist for one kind of master data: ids only, never whole entities, a thousand
 * at a time. Each feature's repository offers it for its own entity.
 */
public final class ExistingIds {
  private ExistingIds() {}

  public static Set<String> among(
      EntityManager entityManager, Class<? extends MasterDataEntity> kind, Collection<String> ids) {
    String query = "select e.id from " + kind.getSimpleName() + " e where e.id in :ids";
    return new HashSet<>(
        InChunks.query(
            ids,
            chunk ->
                entityManager
                    .createQuery(query, String.class)
                    .setParameter("ids", chunk)
                    .getResultList()));
  }
}
