package com.critmin.sourcing.common;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which of many ids exist for one kind of master data, a thousand at a time: read only, or locked
 * for a reference about to be written. Each feature's repository offers them for its own entity.
 */
public final class ExistingIds {
  private ExistingIds() {}

  /**
   * "; did you mean 'x'?" for ids of this kind that do not exist, when a stored id (or one of
   * {@code alsoKnown}, such as built-in names) is close, else nothing. For error messages only: the
   * ids of the kind (at most 50,000) are read once, at the first id asked about, however many
   * missing ids a request names.
   */
  public static java.util.function.Function<String, String> hints(
      EntityManager entityManager,
      Class<? extends MasterDataEntity> kind,
      Collection<String> alsoKnown) {
    List<List<String>> known = new java.util.ArrayList<>(1);
    return given -> {
      if (given == null || given.isEmpty()) {
        return "";
      }
      if (known.isEmpty()) {
        List<String> ids =
            new java.util.ArrayList<>(
                entityManager
                    .createQuery("select e.id from " + kind.getSimpleName() + " e", String.class)
                    .setMaxResults(50_000)
                    .getResultList());
        ids.addAll(alsoKnown);
        known.add(ids);
      }
      return com.critmin.sourcing.error.Suggestions.hint(given, known.get(0));
    };
  }

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

  /**
   * The rows among these ids, each locked against deletion until the transaction ends (FOR SHARE;
   * H2 knows only FOR UPDATE), for a writer about to store references to them. A concurrent delete
   * then either waits and finds the new reference, or wins and the rows are missing here. The
   * foreign keys alone do not hold on H2, whose MVCC lets a delete and an insert referring to the
   * deleted row both commit. Locked in id order, so writers never deadlock each other.
   */
  public static <E extends MasterDataEntity> List<E> lockedForReference(
      PanacheRepositoryBase<E, String> repository, Collection<String> ids) {
    return InChunks.query(
        new TreeSet<>(ids),
        chunk ->
            repository
                .find("id in ?1 order by id", chunk)
                .withLock(LockModeType.PESSIMISTIC_READ)
                .list());
  }
}
