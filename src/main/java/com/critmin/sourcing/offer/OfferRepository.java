package com.critmin.sourcing.offer;

import com.critmin.sourcing.common.ExistingIds;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Offers by id, by material and validity. */
@ApplicationScoped
public class OfferRepository implements PanacheRepositoryBase<Offer, String> {

  /** The offers of these materials that are valid on a day (open-ended windows included). */
  private static final String VALID_ON =
      "materialId in ?1 and (validFrom is null or validFrom <= ?2) and (validTo is null or validTo >= ?2)";

  public List<Offer> validOn(Collection<String> materialIds, LocalDate day) {
    return list(VALID_ON + " order by id", materialIds, day);
  }

  /** How many offers {@link #validOn} would return, without reading them. */
  public long countValidOn(Collection<String> materialIds, LocalDate day) {
    return count(VALID_ON, materialIds, day);
  }

  /** How many offers name this stage in their origins. */
  public long countNamingStage(String stage) {
    // Origins are stored as compact JSON objects, stage -> country: a stage is a key, so it is
    // followed by a colon. The LIKE wildcards in a stage name ('_') are escaped.
    // Native: the mapped attribute is a Map, so JPQL would not compare it with text.
    Number count =
        (Number)
            getEntityManager()
                .createNativeQuery("select count(*) from offer where origins like ?1 escape '!'")
                .setParameter(1, "%\"" + stage.replace("_", "!_") + "\":%")
                .getSingleResult();
    return count.longValue();
  }

  /** The ids among these that name a stored offer. */
  public Set<String> existingIds(Collection<String> ids) {
    return ExistingIds.among(getEntityManager(), Offer.class, ids);
  }

  /** "; did you mean 'x'?" for an offer id that does not exist, or nothing. */
  public String hint(String id) {
    return hints().apply(id);
  }

  /** hint(id) for many ids, reading the offer ids once. */
  public java.util.function.Function<String, String> hints() {
    return ExistingIds.hints(getEntityManager(), Offer.class, java.util.List.of());
  }
}
