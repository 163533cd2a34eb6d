package com.critmin.sourcing.plan;

import com.critmin.sourcing.common.Amounts;
import com.critmin.sourcing.common.IsoCodes;
import com.critmin.sourcing.common.ResourceIds;
import com.critmin.sourcing.error.Problem;
import com.critmin.sourcing.plan.api.InlineOffer;
import java.util.List;
import java.util.Map;

/**
 * The field rules of inline offers, checked by hand: a plan request may carry 200,000 of them, and
 * Bean Validation of 100,000 took 0.5 s warm and 3.5 s cold where this takes 16 ms. The rules and
 * messages are those of the annotations on {@link InlineOffer}, which the OpenAPI document shows;
 * InlineOfferChecksTest holds the two together.
 */
final class InlineOfferChecks {
  private static final String NOT_NULL = "must not be null";
  private static final String NOT_NEGATIVE = "must be greater than or equal to 0";
  private static final String NOT_FINITE = "must be a finite number";
  private static final String COUNTRY =
      "must be an ISO 3166-1 alpha-2 country code such as AU or CN";
  private static final String CURRENCY = "must be an ISO 4217 currency code such as USD or EUR";

  private InlineOfferChecks() {}

  /** Adds an error per invalid field of {@code offer}, named {@code offers[i].field}. */
  static void check(InlineOffer offer, String at, List<Problem.FieldError> errors) {
    if (offer == null) {
      errors.add(new Problem.FieldError(at, NOT_NULL));
      return;
    }
    id(offer.id(), at + ".id", errors);
    id(offer.material(), at + ".material", errors);
    InlineOffer.InlineSupplier supplier = offer.supplier();
    if (supplier == null) {
      errors.add(new Problem.FieldError(at + ".supplier", NOT_NULL));
    } else {
      id(supplier.id(), at + ".supplier.id", errors);
      if (supplier.country() == null) {
        errors.add(new Problem.FieldError(at + ".supplier.country", NOT_NULL));
      } else if (!IsoCodes.isCountry(supplier.country())) {
        errors.add(new Problem.FieldError(at + ".supplier.country", COUNTRY));
      }
      if (supplier.name() != null && supplier.name().length() > 200) {
        errors.add(new Problem.FieldError(at + ".supplier.name", "size must be between 0 and 200"));
      }
      if (supplier.fixedCost() != null) {
        amount(supplier.fixedCost(), at + ".supplier.fixedCost", errors);
      }
    }
    if (offer.country() != null && !IsoCodes.isCountry(offer.country())) {
      errors.add(new Problem.FieldError(at + ".country", COUNTRY));
    }
    amount(offer.capacity(), at + ".capacity", errors);
    amount(offer.unitPrice(), at + ".unitPrice", errors);
    positiveAmount(offer.minQuantity(), at + ".minQuantity", errors);
    positiveAmount(offer.lotSize(), at + ".lotSize", errors);
    if (offer.currency() != null && !IsoCodes.isCurrency(offer.currency())) {
      errors.add(new Problem.FieldError(at + ".currency", CURRENCY));
    }
    Map<String, String> origins = offer.origins();
    if (origins != null) {
      if (origins.size() > 32) {
        errors.add(new Problem.FieldError(at + ".origins", "size must be between 0 and 32"));
      }
      for (Map.Entry<String, String> origin : origins.entrySet()) {
        if (!isStage(origin.getKey())) {
          errors.add(
              new Problem.FieldError(
                  at + ".origins[" + origin.getKey() + "]", ResourceIds.STAGE_MESSAGE));
        }
        String country = origin.getValue();
        if (country == null) {
          errors.add(new Problem.FieldError(at + ".origins[" + origin.getKey() + "]", NOT_NULL));
        } else if (!IsoCodes.isCountry(country) && !IsoCodes.UNKNOWN_COUNTRY.equals(country)) {
          errors.add(
              new Problem.FieldError(
                  at + ".origins[" + origin.getKey() + "]", COUNTRY + " (or ZZ for unknown)"));
        }
      }
    }
  }

  private static void id(String id, String field, List<Problem.FieldError> errors) {
    if (id == null) {
      errors.add(new Problem.FieldError(field, NOT_NULL));
    } else if (!ResourceIds.isValid(id)) {
      errors.add(new Problem.FieldError(field, ResourceIds.MESSAGE));
    }
  }

  /**
   * {@code @NotNull @Finite @PositiveOrZero @DecimalMax(Amounts.MAX)}, each reported as Hibernate
   * Validator does: NaN breaks all three, -0.0 is below zero.
   */
  private static void amount(Double value, String field, List<Problem.FieldError> errors) {
    if (value == null) {
      errors.add(new Problem.FieldError(field, NOT_NULL));
      return;
    }
    boolean nan = Double.isNaN(value);
    if (!Double.isFinite(value)) {
      errors.add(new Problem.FieldError(field, NOT_FINITE));
    }
    if (nan || Double.compare(value, 0.0) < 0) {
      errors.add(new Problem.FieldError(field, NOT_NEGATIVE));
    }
    if (nan || value > Amounts.MAX_VALUE) {
      errors.add(new Problem.FieldError(field, Amounts.MAX_MESSAGE));
    }
  }

  /**
   * {@code @Finite @Positive @DecimalMax(Amounts.MAX)} on an optional field, reported as Hibernate
   * Validator does: NaN breaks all three, 0 and -0.0 are not above zero.
   */
  private static void positiveAmount(Double value, String field, List<Problem.FieldError> errors) {
    if (value == null) {
      return;
    }
    boolean nan = Double.isNaN(value);
    if (!Double.isFinite(value)) {
      errors.add(new Problem.FieldError(field, NOT_FINITE));
    }
    if (nan || value <= 0) {
      errors.add(new Problem.FieldError(field, "must be greater than 0"));
    }
    if (nan || value > Amounts.MAX_VALUE) {
      errors.add(new Problem.FieldError(field, Amounts.MAX_MESSAGE));
    }
  }

  private static boolean isStage(String stage) {
    if (stage == null || stage.isEmpty() || stage.length() > 32) {
      return false;
    }
    char first = stage.charAt(0);
    if (first < 'A' || first > 'Z') {
      return false;
    }
    for (int i = 1; i < stage.length(); i++) {
      char c = stage.charAt(i);
      if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) {
        return false;
      }
    }
    return true;
  }
}
