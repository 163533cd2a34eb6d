package com.critmin.sourcing.stage;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The processing stages shipped with the service: read-only, always present. {@code SUPPLY} is
 * reserved: it is the offer's own country, named by limits and scenarios but never in origins.
 */
public final class BuiltInStages {

  /** A built-in stage. */
  public record Stage(String id, String name) {}

  public static final String SUPPLY = "SUPPLY";

  public static final List<Stage> ALL =
      List.of(
          new Stage("MINING", "Mining: ore or concentrate"),
          new Stage("SEPARATION", "Separation into individual rare-earth oxides"),
          new Stage("REFINING", "Refining"),
          new Stage("METAL", "Metal and alloy making"),
          new Stage("MAGNET", "Magnet making"),
          new Stage(SUPPLY, "The offer's own country (reserved: give it as the offer's country)"));

  private static final Map<String, Stage> BY_ID =
      ALL.stream().collect(Collectors.toUnmodifiableMap(Stage::id, Function.identity()));

  private BuiltInStages() {}

  public static Optional<Stage> find(String id) {
    return Optional.ofNullable(id == null ? null : BY_ID.get(id));
  }

  public static boolean isBuiltIn(String id) {
    return id != null && BY_ID.containsKey(id);
  }
}
