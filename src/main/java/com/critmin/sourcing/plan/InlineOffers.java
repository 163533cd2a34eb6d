package com.critmin.sourcing.plan;

import com.critmin.sourcing.error.Problem;
import com.critmin.sourcing.offer.OfferRules;
import com.critmin.sourcing.optimizer.model.OfferInput;
import com.critmin.sourcing.plan.api.InlineOffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The offers a plan request carries itself (stateless mode). An offer with a field error is
 * reported and left out; the others are validated by the optimizer (unique ids among them, whatever
 * their material) and solved when their material is demanded and they are valid on the plan's day.
 * A supplier must keep one country across the offers, and every price be in the request's currency.
 */
final class InlineOffers implements OfferSource {
  private final List<OfferInput> offers;
  private final int[] requestIndex;
  private final boolean[] solved;
  private final Set<String> supplierIds;
  private final Set<String> offerIds;
  private final Map<String, String> supplierNames = new HashMap<>();
  private final Map<String, Double> fixedCosts = new HashMap<>();

  private InlineOffers(
      List<OfferInput> offers,
      int[] requestIndex,
      boolean[] solved,
      Set<String> supplierIds,
      Set<String> offerIds) {
    this.offers = offers;
    this.requestIndex = requestIndex;
    this.solved = solved;
    this.supplierIds = supplierIds;
    this.offerIds = offerIds;
  }

  /**
   * Checks the request's offers field by field (at most {@code maxOffers} of them, each in the
   * request's currency) and maps the well-formed ones.
   */
  static InlineOffers of(
      List<InlineOffer> inline,
      Set<String> demanded,
      String currency,
      LocalDate asOf,
      int maxOffers,
      int maxErrors,
      List<Problem.FieldError> errors) {
    if (inline.size() > maxOffers) {
      errors.add(
          new Problem.FieldError(
              "offers", "at most " + maxOffers + " offers per plan request, got " + inline.size()));
      return new InlineOffers(List.of(), new int[0], new boolean[0], Set.of(), Set.of());
    }
    List<OfferInput> offers = new ArrayList<>(inline.size());
    int[] requestIndex = new int[inline.size()];
    boolean[] solved = new boolean[inline.size()];
    Set<String> supplierIds = new HashSet<>();
    Set<String> offerIds = new HashSet<>(inline.size() * 2);
    Map<String, String> supplierCountries = new HashMap<>();
    Map<String, Double> fixedCosts = new HashMap<>();
    for (int i = 0; i < inline.size() && errors.size() < maxErrors; i++) {
      InlineOffer offer = inline.get(i);
      if (offer != null) {
        offerIds.add(offer.id());
        if (offer.supplier() != null) {
          supplierIds.add(offer.supplier().id());
        }
      }
      String at = "offers[" + i + "]";
      int before = errors.size();
      InlineOfferChecks.check(offer, at, errors);
      if (errors.size() == before) {
        OfferRules.check(
            offer.origins(),
            offer.validFrom(),
            offer.validTo(),
            new OfferRules.AwardRules(offer.capacity(), offer.minQuantity(), offer.lotSize()),
            at + ".",
            errors);
      }
      if (errors.size() > before) {
        // Left out of what the optimizer validates, which would name the same field again.
        continue;
      }
      String supplierCountry =
          supplierCountries.putIfAbsent(offer.supplier().id(), offer.supplier().country());
      if (supplierCountry != null && !supplierCountry.equals(offer.supplier().country())) {
        errors.add(
            new Problem.FieldError(
                at + ".supplier.country",
                "supplier '"
                    + offer.supplier().id()
                    + "' is given with two countries: "
                    + supplierCountry
                    + " and "
                    + offer.supplier().country()));
      }
      Double fixedCost = offer.supplier().fixedCost();
      Double givenCost =
          fixedCost == null ? null : fixedCosts.putIfAbsent(offer.supplier().id(), fixedCost);
      if (givenCost != null && !givenCost.equals(fixedCost)) {
        errors.add(
            new Problem.FieldError(
                at + ".supplier.fixedCost",
                "supplier '"
                    + offer.supplier().id()
                    + "' is given with two fixed costs: "
                    + givenCost
                    + " and "
                    + fixedCost));
      }
      if (offer.currency() != null && !offer.currency().equals(currency)) {
        errors.add(
            new Problem.FieldError(
                at + ".currency",
                "priced in "
                    + offer.currency()
                    + " but the request is in "
                    + currency
                    + "; currency conversion is not supported"));
      }
      solved[offers.size()] =
          demanded.contains(offer.material())
              && OfferRules.validOn(offer.validFrom(), offer.validTo(), asOf);
      requestIndex[offers.size()] = i;
      offers.add(
          new OfferInput(
              offer.id(),
              offer.supplier().id(),
              offer.material(),
              offer.country() != null ? offer.country() : offer.supplier().country(),
              offer.capacity(),
              offer.unitPrice(),
              offer.origins() == null ? Map.of() : offer.origins(),
              offer.minQuantity(),
              offer.lotSize()));
    }
    InlineOffers result = new InlineOffers(offers, requestIndex, solved, supplierIds, offerIds);
    result.fixedCosts.putAll(fixedCosts);
    for (InlineOffer offer : inline) {
      if (offer != null && offer.supplier() != null && offer.supplier().name() != null) {
        result.supplierNames.putIfAbsent(offer.supplier().id(), offer.supplier().name());
      }
    }
    return result;
  }

  @Override
  public Map<String, String> supplierNames(List<OfferInput> solved) {
    return supplierNames;
  }

  @Override
  public Map<String, Double> fixedCosts() {
    return fixedCosts;
  }

  @Override
  public List<OfferInput> offers() {
    return offers;
  }

  @Override
  public String field(int index) {
    return "offers[" + requestIndex[index] + "]";
  }

  @Override
  public List<OfferInput> solved() {
    List<OfferInput> result = new ArrayList<>(offers.size());
    for (int i = 0; i < offers.size(); i++) {
      if (solved[i]) {
        result.add(offers.get(i));
      }
    }
    return result;
  }

  @Override
  public Set<String> knownSuppliers(Set<String> ids) {
    return supplierIds;
  }

  @Override
  public Set<String> knownOffers(Set<String> ids) {
    return offerIds;
  }

  @Override
  public String supplierHint(String id) {
    return com.critmin.sourcing.error.Suggestions.hint(id, supplierIds);
  }

  @Override
  public String offerHint(String id) {
    return com.critmin.sourcing.error.Suggestions.hint(id, offerIds);
  }

  @Override
  public String where() {
    return " among the request's offers";
  }
}
