package com.critmin.sourcing.offer;

import com.critmin.sourcing.error.Problem;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The rules across fields of one offer, stored or inline, that Bean Validation cannot state. */
public final class OfferRules {
  /** Stage name of the offer's own country; it is given as {@code country}, never in origins. */
  public static final String SUPPLY_STAGE = "SUPPLY";

  private OfferRules() {}

  /**
   * Adds an error per broken rule, each field named after {@code prefix} (e.g. "[3]." or
   * "offers[3].").
   */
  public static void check(
      Map<String, String> origins,
      LocalDate validFrom,
      LocalDate validTo,
      AwardRules award,
      String prefix,
      List<Problem.FieldError> errors) {
    if (origins != null && origins.containsKey(SUPPLY_STAGE)) {
      errors.add(
          new Problem.FieldError(
              prefix + "origins[SUPPLY]",
              "SUPPLY is the offer's own country: give it as 'country'"));
    }
    if (validFrom != null && validTo != null && validFrom.isAfter(validTo)) {
      errors.add(new Problem.FieldError(prefix + "validTo", "must not be before validFrom"));
    }
    award.check(prefix, errors);
  }

  /**
   * An offer's capacity with its award rules. A minimum order or a lot above the capacity would
   * leave the offer silently unusable; lots finer than the 6 decimals quantities are kept to, or so
   * many that their count leaves the solver's integer range, cannot be honoured exactly.
   */
  public record AwardRules(Double capacity, Double minQuantity, Double lotSize) {
    /** Most lots an offer's capacity may hold. */
    public static final double MAX_LOTS = 1e9;

    /** Finest lot: quantities are kept to 6 decimals. */
    public static final double MIN_LOT = 1e-6;

    void check(String prefix, List<Problem.FieldError> errors) {
      boolean known = capacity != null && Double.isFinite(capacity);
      if (known && positive(minQuantity) && minQuantity > capacity) {
        errors.add(
            new Problem.FieldError(prefix + "minQuantity", "must not be above the capacity"));
      }
      if (!positive(lotSize)) return;
      if (lotSize < MIN_LOT) {
        errors.add(
            new Problem.FieldError(
                prefix + "lotSize", "must be at least 0.000001 (quantities have 6 decimals)"));
      } else if (known && lotSize > capacity) {
        errors.add(new Problem.FieldError(prefix + "lotSize", "must not be above the capacity"));
      } else if (known && capacity / lotSize > MAX_LOTS) {
        errors.add(
            new Problem.FieldError(
                prefix + "lotSize", "must leave at most 1,000,000,000 lots in the capacity"));
      }
    }

    /** Finite and above zero; other values are reported by the field's own checks. */
    private static boolean positive(Double value) {
      return value != null && Double.isFinite(value) && value > 0;
    }
  }

  /** Whether an offer's validity window, open at either end, contains the day. */
  public static boolean validOn(LocalDate validFrom, LocalDate validTo, LocalDate day) {
    return (validFrom == null || !validFrom.isAfter(day))
        && (validTo == null || !validTo.isBefore(day));
  }
}
