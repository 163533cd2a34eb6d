package com.critmin.sourcing.policy;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Stored sourcing policies by id. */
@ApplicationScoped
public class SourcingPolicyRepository implements PanacheRepositoryBase<SourcingPolicy, String> {

  /** Ids of the policies whose group limits name this stored group, in id order. */
  public List<String> idsUsingGroup(String groupId) {
    return getEntityManager()
        .createQuery(
            "select p.id from SourcingPolicy p join p.groupIds g where g = :group order by p.id",
            String.class)
        .setParameter("group", groupId)
        .getResultList();
  }
}
