package com.critmin.sourcing.supplier;

import com.critmin.sourcing.common.ExistingIds;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Suppliers by id. */
@ApplicationScoped
public class SupplierRepository implements PanacheRepositoryBase<Supplier, String> {

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
}
