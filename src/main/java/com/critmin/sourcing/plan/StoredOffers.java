package com.critmin.sourcing.plan;

import com.critmin.sourcing.config.SourcingConfig;
import com.critmin.sourcing.error.Problem;
import com.critmin.sourcing.material.MaterialRepository;
import com.critmin.sourcing.offer.Offer;
import com.critmin.sourcing.offer.OfferRepository;
import com.critmin.sourcing.optimizer.model.OfferInput;
import com.critmin.sourcing.plan.api.DemandLine;
import com.critmin.sourcing.supplier.SupplierRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The stored offers of the demanded materials that are valid on the plan's day (stored mode). Each
 * demanded material must exist, the offers must be no more than the configured maximum and priced
 * in the request's currency; a scenario may name any stored supplier or offer.
 */
@ApplicationScoped
class StoredOffers {
  private final MaterialRepository materials;
  private final OfferRepository offers;
  private final SupplierRepository suppliers;
  private final SourcingConfig config;

  StoredOffers(
      MaterialRepository materials,
      OfferRepository offers,
      SupplierRepository suppliers,
      SourcingConfig config) {
    this.materials = materials;
    this.offers = offers;
    this.suppliers = suppliers;
    this.config = config;
  }

  /** The names of the stored suppliers among these ids, by id. */
  Map<String, String> supplierNames(Set<String> ids) {
    return suppliers.namesOf(ids);
  }

  OfferSource load(
      List<DemandLine> lines,
      Set<String> demanded,
      String currency,
      LocalDate asOf,
      int maxErrors,
      List<Problem.FieldError> errors) {
    Set<String> known = materials.existingIds(demanded);
    boolean missing = false;
    java.util.function.Function<String, String> hints = materials.hints();
    for (int i = 0; i < lines.size(); i++) {
      if (!known.contains(lines.get(i).material())) {
        missing = true;
        errors.add(
            new Problem.FieldError(
                "demand[" + i + "].material",
                "material '"
                    + lines.get(i).material()
                    + "' does not exist"
                    + hints.apply(lines.get(i).material())));
      }
    }
    if (missing) {
      return new Source(List.of());
    }
    int max = config.plans().maxOffers();
    long valid = offers.countValidOn(demanded, asOf);
    if (valid > max) {
      errors.add(
          new Problem.FieldError(
              "demand",
              "the demanded materials have "
                  + valid
                  + " valid offers, more than the maximum of "
                  + max));
      return new Source(List.of());
    }
    List<Offer> stored = offers.validOn(demanded, asOf);
    List<OfferInput> result = new ArrayList<>(stored.size());
    for (Offer offer : stored) {
      if (!offer.currency.equals(currency) && errors.size() < maxErrors) {
        errors.add(
            new Problem.FieldError(
                "currency",
                "offer '"
                    + offer.id
                    + "' is priced in "
                    + offer.currency
                    + " but the request is in "
                    + currency
                    + "; currency conversion is not supported"));
      }
      result.add(
          new OfferInput(
              offer.id,
              offer.supplierId,
              offer.materialId,
              offer.country,
              offer.capacity,
              offer.unitPrice,
              offer.origins == null ? Map.of() : new TreeMap<>(offer.origins),
              offer.minQuantity,
              offer.lotSize));
    }
    return new Source(result);
  }

  /** Stored offers, validated when they were written: the validator finds nothing to name. */
  private final class Source implements OfferSource {
    private final List<OfferInput> offers;

    Source(List<OfferInput> offers) {
      this.offers = offers;
    }

    @Override
    public List<OfferInput> offers() {
      return offers;
    }

    @Override
    public String field(int index) {
      return "offers[" + offers.get(index).id() + "]";
    }

    @Override
    public List<OfferInput> solved() {
      return offers;
    }

    @Override
    public Set<String> knownSuppliers(Set<String> ids) {
      return suppliers.existingIds(ids);
    }

    @Override
    public Set<String> knownOffers(Set<String> ids) {
      return StoredOffers.this.offers.existingIds(ids);
    }

    @Override
    public Map<String, String> supplierNames(List<OfferInput> solved) {
      Set<String> ids = new java.util.HashSet<>();
      solved.forEach(offer -> ids.add(offer.supplierId()));
      return suppliers.namesOf(ids);
    }

    @Override
    public Map<String, Double> fixedCosts() {
      Set<String> ids = new java.util.HashSet<>();
      offers.forEach(offer -> ids.add(offer.supplierId()));
      return suppliers.fixedCostsOf(ids);
    }

    @Override
    public String supplierHint(String id) {
      return suppliers.hint(id);
    }

    @Override
    public String offerHint(String id) {
      return StoredOffers.this.offers.hint(id);
    }

    @Override
    public String where() {
      return "";
    }
  }
}
