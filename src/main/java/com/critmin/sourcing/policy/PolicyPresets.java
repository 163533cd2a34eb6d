package com.critmin.sourcing.policy;

import com.critmin.sourcing.countrygroup.BuiltInGroups;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Read-only policies shipped with the service, each encoding a regulation. */
public final class PolicyPresets {

  /** A preset: a named, documented set of limits. */
  public record Preset(String id, String name, String description, PolicyLimits limits) {}

  /**
   * EU CRMA Art. 5 benchmark: no single third country above 65 % at any stage; EU members are not
   * capped.
   */
  public static final Preset EU_CRMA_2030 =
      new Preset(
          "EU_CRMA_2030",
          "EU Critical Raw Materials Act 2030 benchmark",
          "Regulation (EU) 2024/1252, Art. 5(1)(d): no single third country supplies more than 65 % of a"
              + " strategic raw material at any relevant stage of processing. EU member states are not capped.",
          new PolicyLimits(
              0.65,
              BuiltInGroups.EU.countries().stream()
                  .map(c -> new CountryLimit(c, null, null, 1.0))
                  .toList(),
              null,
              null,
              null));

  /**
   * DFARS 252.225-7052 from 1 January 2027: nothing mined, refined, separated, melted or produced
   * in FEOC countries.
   */
  public static final Preset US_DFARS_MAGNETS_2027 =
      new Preset(
          "US_DFARS_MAGNETS_2027",
          "US DFARS 252.225-7052 (magnets, tungsten, tantalum) from 2027",
          "From 1 January 2027 covered materials may not be mined, refined, separated, melted or produced in"
              + " China, Russia, North Korea or Iran: those countries are excluded at every processing stage.",
          new PolicyLimits(null, null, null, null, List.copyOf(BuiltInGroups.FEOC.countries())));

  /**
   * DFARS 252.225-7052 before 2027: melted or produced (the supplying and metal/magnet stages)
   * outside FEOC.
   */
  public static final Preset US_DFARS_MAGNETS_2026 =
      new Preset(
          "US_DFARS_MAGNETS_2026",
          "US DFARS 252.225-7052 (magnets, tungsten, tantalum) until 2026",
          "Until 31 December 2026 covered materials may not be melted or produced in China, Russia, North Korea"
              + " or Iran: those countries get a zero cap at the SUPPLY, METAL and MAGNET stages; upstream mining"
              + " and separation stay allowed.",
          new PolicyLimits(
              null,
              BuiltInGroups.FEOC.countries().stream()
                  .flatMap(
                      c ->
                          List.of("SUPPLY", "METAL", "MAGNET").stream()
                              .map(s -> new CountryLimit(c, s, null, 0.0)))
                  .toList(),
              null,
              null,
              null));

  public static final List<Preset> ALL =
      List.of(EU_CRMA_2030, US_DFARS_MAGNETS_2026, US_DFARS_MAGNETS_2027);
  private static final Map<String, Preset> BY_ID =
      ALL.stream().collect(Collectors.toUnmodifiableMap(Preset::id, Function.identity()));

  private PolicyPresets() {}

  public static Optional<Preset> find(String id) {
    return Optional.ofNullable(id == null ? null : BY_ID.get(id));
  }
}
