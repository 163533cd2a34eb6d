package com.critmin.sourcing.supplier;

import com.critmin.sourcing.common.ExistingIds;
import com.critmin.sourcing.common.InChunks;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Suppliers by id. */
@ApplicationScoped
public class SupplierRepository implements PanacheRepositoryBase<Supplier, String> {

  /** The names of the stored suppliers among these ids, by id. */
  /** The fixed costs of those of the suppliers that have one, by id. */
  public Map<String, Double> fixedCostsOf(Collection<String> ids) {
    Map<String, Double> costs = new HashMap<>();
    for (Object[] row :
        InChunks.query(
            ids,
            chunk ->
                getEntityManager()
                    .createQuery(
                        "select s.id, s.fixedCost from Supplier s"
                            + " where s.id in :ids and s.fixedCost is not null",
                        Object[].class)
                    .setParameter("ids", chunk)
                    .getResultList())) {
      costs.put((String) row[0], (Double) row[1]);
    }
    return costs;
  }

  public Map<String, String> namesOf(Collection<String> ids) {
    Map<String, String> names = new HashMap<>();
    for (Object[] row :
        InChunks.query(
            ids,
            chunk ->
                getEntityManager()
                    .createQuery(
                        "select s.id, s.name from Supplier s where s.id in :ids", Object[].class)
                    .setParameter("ids", chunk)
                    .getResultList())) {
      names.put((String) row[0], (String) row[1]);
    }
    return names;
  }

  /** The ids among these that name a stored supplier. */
  public Set<String> existingIds(Collection<String> ids) {
    return ExistingIds.among(getEntityManager(), Supplier.class, ids);
  }

  /**
   * The stored suppliers among these ids, locked against deletion until the transaction ends: for a
   * writer about to refer to them.
   */
  public List<Supplier> lockForReference(Collection<String> ids) {
    return ExistingIds.lockedForReference(this, ids);
  }

  /** "; did you mean 'x'?" for a supplier id that does not exist, or nothing. */
  public String hint(String id) {
    return hints().apply(id);
  }

  /** hint(id) for many ids, reading the supplier ids once. */
  public java.util.function.Function<String, String> hints() {
    return ExistingIds.hints(getEntityManager(), Supplier.class, java.util.List.of());
  }
}
