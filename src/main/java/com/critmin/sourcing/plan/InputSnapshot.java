package com.critmin.sourcing.plan;

import com.critmin.sourcing.optimizer.model.CountryLimit;
import com.critmin.sourcing.optimizer.model.Demand;
import com.critmin.sourcing.optimizer.model.Factor;
import com.critmin.sourcing.optimizer.model.GroupLimit;
import com.critmin.sourcing.optimizer.model.Limits;
import com.critmin.sourcing.optimizer.model.OfferInput;
import com.critmin.sourcing.optimizer.model.Scenario;
import com.critmin.sourcing.optimizer.model.SourcingProblem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical form of a plan's input: everything the solve depended on, resolved (policy merged, groups
 * expanded, stored offers read), in a fixed order, so that equal inputs give equal SHA-256 digests.
 */
record InputSnapshot(
    String mode,
    String currency,
    LocalDate asOf,
    String policyId,
    boolean allowShortfall,
    Double shortfallPenalty,
    List<Demand> demand,
    CanonicalLimits limits,
    CanonicalScenario scenario,
    List<CanonicalOffer> offers) {

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
          .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
          .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false)
          .build();

  record CanonicalOffer(
      String id, String supplierId, String material, String country, double capacity, double unitPrice,
      Map<String, String> origins) {}

  record CanonicalGroupLimit(
      String group, List<String> countries, Double maxShare, Double minShare, String stage, String material) {}

  record CanonicalLimits(
      Double maxCountryShare,
      List<CountryLimit> countryLimits,
      List<CanonicalGroupLimit> groupLimits,
      Double maxSupplierShare,
      List<String> excludedCountries) {}

  record CanonicalScenario(
      List<String> unavailableCountries, List<String> unavailableSuppliers, List<Factor> capacityFactors,
      List<Factor> priceFactors) {}

  static InputSnapshot of(ProblemAssembler.Assembled assembled) {
    SourcingProblem problem = assembled.problem();
    Limits limits = problem.limits();
    Scenario scenario = problem.scenario();
    return new InputSnapshot(
        assembled.statelessMode() ? "INLINE_OFFERS" : "STORED_OFFERS",
        assembled.currency(),
        assembled.statelessMode() ? null : assembled.asOf(),
        assembled.policyId(),
        problem.allowShortfall(),
        problem.shortfallPenalty(),
        problem.demands(),
        new CanonicalLimits(
            limits.maxCountryShare(),
            limits.countryLimits(),
            limits.groupLimits().stream()
                .map(g -> new CanonicalGroupLimit(g.group(), sorted(g.countries()), g.maxShare(), g.minShare(), g.stage(), g.material()))
                .toList(),
            limits.maxSupplierShare(),
            sorted(limits.excludedCountries())),
        new CanonicalScenario(
            sorted(scenario.unavailableCountries()),
            sorted(scenario.unavailableSuppliers()),
            scenario.capacityFactors(),
            scenario.priceFactors()),
        problem.offers().stream()
            .sorted(Comparator.comparing(OfferInput::id))
            .map(o -> new CanonicalOffer(o.id(), o.supplierId(), o.material(), o.country(), o.capacity(), o.unitPrice(),
                o.origins() == null || o.origins().isEmpty() ? null : new TreeMap<>(o.origins())))
            .toList());
  }

  byte[] toJson() {
    try {
      return JSON.writeValueAsBytes(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the input snapshot cannot be written", e);
    }
  }

  static String digest(byte[] json) {
    try {
      return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  static String text(byte[] json) {
    return new String(json, StandardCharsets.UTF_8);
  }

  private static List<String> sorted(Collection<String> values) {
    return values == null ? List.of() : values.stream().sorted().toList();
  }
}
