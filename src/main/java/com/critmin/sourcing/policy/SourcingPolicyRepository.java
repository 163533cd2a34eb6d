package com.critmin.sourcing.policy;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Stored sourcing policies by id. */
@ApplicationScoped
public class SourcingPolicyRepository implements PanacheRepositoryBase<SourcingPolicy, String> {

  /** Ids of the policies whose country or group limits name this stage, in id order. */
  public List<String> idsNamingStage(String stage) {
    // The limits are stored as JSON written by Jackson: "stage":"SEPARATION", no spaces.
    String pattern = "%\"stage\":\"" + stage.replace("_", "!_") + "\"%";
    return getEntityManager()
        .createQuery(
            "select p.id from SourcingPolicy p where p.countryLimitsJson like :p escape '!'"
                + " or p.groupLimitsJson like :p escape '!' order by p.id",
            String.class)
        .setParameter("p", pattern)
        .getResultList();
  }

  /** Ids of the policies whose group limits name this stored group, in id order. */
  public List<String> idsUsingGroup(String groupId) {
    return getEntityManager()
        .createQuery(
            "select p.id from SourcingPolicy p join p.groupIds g where g = :group order by p.id",
            String.class)
        .setParameter("group", groupId)
        .getResultList();
  }

  /** "; did you mean 'x'?" for a policy id that is neither stored nor a preset, or nothing. */
  public String hint(String id) {
    return com.critmin.sourcing.common.ExistingIds.hints(
            getEntityManager(),
            SourcingPolicy.class,
            PolicyPresets.ALL.stream().map(PolicyPresets.Preset::id).toList())
        .apply(id);
  }
}
