package com.critmin.sourcing.countrygroup;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The country groups shipped with the service: read-only, always present. */
public final class BuiltInGroups {

  /** A built-in group. */
  public record Group(String id, String name, SortedSet<String> countries) {}

  public static final Group EU =
      group(
          "EU",
          "European Union (27 member states)",
          "AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK");
  public static final Group FEOC =
      group(
          "FEOC",
          "Foreign entities of concern (US): China, Russia, North Korea, Iran",
          "CN RU KP IR");
  public static final Group MSP =
      group(
          "MSP",
          "Minerals Security Partnership members (including the EU and its member states)",
          "AU CA EE FI FR DE IN IT JP NO KR SE GB US " + String.join(" ", EU.countries()));

  public static final List<Group> ALL = List.of(EU, FEOC, MSP);
  private static final Map<String, Group> BY_ID =
      ALL.stream().collect(Collectors.toUnmodifiableMap(Group::id, Function.identity()));

  private BuiltInGroups() {}

  public static Optional<Group> find(String id) {
    return Optional.ofNullable(BY_ID.get(id));
  }

  public static boolean isBuiltIn(String id) {
    return BY_ID.containsKey(id);
  }

  private static Group group(String id, String name, String countries) {
    return new Group(id, name, new TreeSet<>(List.of(countries.trim().split("\\s+"))));
  }
}
