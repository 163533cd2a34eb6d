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
  }

  /** Whether an offer's validity window, open at either end, contains the day. */
  public static boolean validOn(LocalDate validFrom, LocalDate validTo, LocalDate day) {
    return (validFrom == null || !validFrom.isAfter(day))
        && (validTo == null || !validTo.isBefore(day));
  }
}
