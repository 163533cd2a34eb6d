package com.critmin.sourcing.policy;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Stored sourcing policies by id. */
@ApplicationScoped
public class SourcingPolicyRepository implements PanacheRepositoryBase<SourcingPolicy, String> {

  /** Ids of the policies whose group limits name this group. */
  public List<String> idsUsingGroup(String groupId) {
    return getEntityManager()
        .createQuery(
            "select p.id from SourcingPolicy p where p.groupLimitsJson like :pattern escape '!' order by p.id",
            String.class)
        // '_' is a LIKE wildcard and may occur in ids: escaped, so that group a_b does not match
        // a-b.
        .setParameter(
            "pattern",
            "%\"group\":\""
                + groupId.replace("!", "!!").replace("_", "!_").replace("%", "!%")
                + "\"%")
        .getResultList();
  }
}
