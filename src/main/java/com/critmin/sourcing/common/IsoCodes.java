package com.critmin.sourcing.common;

import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** ISO 3166-1 alpha-2 country and ISO 4217 currency codes, as the JDK knows them. */
public final class IsoCodes {
  /** ISO's user-assigned code for an unknown origin, allowed only where the SPEC allows it. */
  public static final String UNKNOWN_COUNTRY = "ZZ";

  private static final Set<String> COUNTRIES =
      Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));
  private static final Set<String> CURRENCIES =
      Currency.getAvailableCurrencies().stream()
          .map(Currency::getCurrencyCode)
          .collect(Collectors.toUnmodifiableSet());

  private IsoCodes() {}

  public static boolean isCountry(String code) {
    return code != null && COUNTRIES.contains(code);
  }

  public static boolean isCurrency(String code) {
    return code != null && CURRENCIES.contains(code);
  }
}
