package com.critmin.sourcing.plan;

import com.critmin.sourcing.optimizer.model.CountryLimit;
import com.critmin.sourcing.optimizer.model.Demand;
import com.critmin.sourcing.optimizer.model.Factor;
import com.critmin.sourcing.optimizer.model.GroupLimit;
import com.critmin.sourcing.optimizer.model.Limits;
import com.critmin.sourcing.optimizer.model.OfferInput;
import com.critmin.sourcing.optimizer.model.Scenario;
import com.critmin.sourcing.optimizer.model.SolveOptions;
import com.critmin.sourcing.optimizer.model.SourcingProblem;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * The canonical form of a plan's input: everything the solve depended on, resolved (policy merged,
 * groups expanded, stored offers read), in a fixed order, so that equal inputs give equal SHA-256
 * digests.
 */
record InputSnapshot(
    String mode,
    String currency,
    LocalDate asOf,
    String policyId,
    boolean allowShortfall,
    Double shortfallPenalty,
    List<CanonicalDemand> demand,
    CanonicalLimits limits,
    CanonicalScenario scenario,
    List<CanonicalOffer> offers,
    // Absent when empty, so that the digests of plans without award rules stay what they were.
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Double> supplierFixedCosts) {

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
          .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
          .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false)
          .build();

  /** A demand line as the snapshot keeps it: its unit is a label, not part of the problem. */
  record CanonicalDemand(String material, double quantity, Double shortfallPenalty) {}

  record CanonicalOffer(
      String id,
      String supplierId,
      String material,
      String country,
      double capacity,
      double unitPrice,
      Map<String, String> origins,
      @JsonInclude(JsonInclude.Include.NON_NULL) Double minQuantity,
      @JsonInclude(JsonInclude.Include.NON_NULL) Double lotSize) {}

  record CanonicalGroupLimit(
      String group,
      List<String> countries,
      Double maxShare,
      Double minShare,
      String stage,
      String material,
      com.critmin.sourcing.optimizer.model.Basis basis) {}

  record CanonicalLimits(
      Double maxCountryShare,
      List<CountryLimit> countryLimits,
      List<CanonicalGroupLimit> groupLimits,
      Double maxSupplierShare,
      List<String> excludedCountries,
      @com.fasterxml.jackson.annotation.JsonInclude(
              com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
          Double maxHhi,
      @JsonInclude(JsonInclude.Include.NON_NULL) Integer minSuppliers,
      @JsonInclude(JsonInclude.Include.NON_NULL) Integer maxSuppliers) {}

  record CanonicalScenario(
      List<String> unavailableCountries,
      List<String> unavailableSuppliers,
      List<Factor> capacityFactors,
      List<Factor> priceFactors,
      // Absent when empty, so that the digests of plans without outages stay what they were.
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<CanonicalOutage> countryOutages) {}

  record CanonicalOutage(String country, List<String> stages) {}

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
        problem.demands().stream()
            .sorted(Comparator.comparing(Demand::material))
            .map(d -> new CanonicalDemand(d.material(), d.quantity(), d.shortfallPenalty()))
            .toList(),
        new CanonicalLimits(
            limits.maxCountryShare(),
            limits.countryLimits().stream()
                .sorted(Comparator.comparing(InputSnapshot::countryKey))
                .toList(),
            limits.groupLimits().stream()
                .sorted(Comparator.comparing(InputSnapshot::groupKey))
                .map(
                    g ->
                        new CanonicalGroupLimit(
                            g.group(),
                            sorted(g.countries()),
                            g.maxShare(),
                            g.minShare(),
                            g.stage(),
                            g.material(),
                            g.basis()))
                .toList(),
            limits.maxSupplierShare(),
            sorted(limits.excludedCountries()),
            limits.maxHhi(),
            limits.minSuppliers(),
            limits.maxSuppliers()),
        new CanonicalScenario(
            sorted(scenario.unavailableCountries()),
            sorted(scenario.unavailableSuppliers()),
            scenario.capacityFactors().stream()
                .sorted(Comparator.comparing(InputSnapshot::factorKey))
                .toList(),
            scenario.priceFactors().stream()
                .sorted(Comparator.comparing(InputSnapshot::factorKey))
                .toList(),
            scenario.countryOutages().stream()
                .map(o -> new CanonicalOutage(o.country(), sorted(o.stages())))
                .sorted(Comparator.comparing(o -> o.country() + "|" + o.stages()))
                .toList()),
        problem.offers().stream()
            .sorted(Comparator.comparing(OfferInput::id))
            .map(
                o ->
                    new CanonicalOffer(
                        o.id(),
                        o.supplierId(),
                        o.material(),
                        o.country(),
                        o.capacity(),
                        o.unitPrice(),
                        o.origins() == null || o.origins().isEmpty()
                            ? null
                            : new TreeMap<>(o.origins()),
                        o.minQuantity(),
                        o.lotSize()))
            .toList(),
        new TreeMap<>(problem.supplierFixedCosts()));
  }

  /** The snapshot written: its JSON gzip-compressed, and the SHA-256 of the uncompressed JSON. */
  record Written(byte[] gzip, String digest) {}

  /** Writes the canonical JSON once, through the digest and the compressor. */
  Written write() {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      ByteArrayOutputStream compressed = new ByteArrayOutputStream(8192);
      try (OutputStream out = new DigestOutputStream(GzipText.compressing(compressed), sha256)) {
        JSON.writeValue(out, this);
      }
      return new Written(
          compressed.toByteArray(), "sha256:" + HexFormat.of().formatHex(sha256.digest()));
    } catch (IOException e) {
      throw new UncheckedIOException("the input snapshot cannot be written", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** An analysis's input: its own parameters beside the canonical problem. */
  record WithParameters(Object parameters, InputSnapshot problem) {}

  /** Writes the snapshot with an analysis's parameters, as {@link #write()} does. */
  Written writeWith(Object parameters) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      ByteArrayOutputStream compressed = new ByteArrayOutputStream(8192);
      try (OutputStream out = new DigestOutputStream(GzipText.compressing(compressed), sha256)) {
        JSON.writeValue(out, new WithParameters(parameters, this));
      }
      return new Written(
          compressed.toByteArray(), "sha256:" + HexFormat.of().formatHex(sha256.digest()));
    } catch (IOException e) {
      throw new UncheckedIOException("the input snapshot cannot be written", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** A stored snapshot, to solve it again (an asynchronous plan, on any replica). */
  static InputSnapshot parse(byte[] gzip) {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
      return JSON.readValue(in, InputSnapshot.class);
    } catch (IOException e) {
      throw new UncheckedIOException("a stored input snapshot is not readable", e);
    }
  }

  /** The problem this snapshot describes, solved with the given options. */
  SourcingProblem toProblem(SolveOptions options) {
    return new SourcingProblem(
        offers.stream()
            .map(
                o ->
                    new OfferInput(
                        o.id(),
                        o.supplierId(),
                        o.material(),
                        o.country(),
                        o.capacity(),
                        o.unitPrice(),
                        o.origins(),
                        o.minQuantity(),
                        o.lotSize()))
            .toList(),
        demand.stream()
            .map(d -> new Demand(d.material(), d.quantity(), d.shortfallPenalty()))
            .toList(),
        new Limits(
            limits.maxCountryShare(),
            limits.countryLimits(),
            limits.groupLimits().stream()
                .map(
                    g ->
                        new GroupLimit(
                            g.group(),
                            new LinkedHashSet<>(g.countries()),
                            g.maxShare(),
                            g.minShare(),
                            g.stage(),
                            g.material(),
                            g.basis()))
                .toList(),
            limits.maxSupplierShare(),
            new LinkedHashSet<>(limits.excludedCountries()),
            limits.maxHhi(),
            limits.minSuppliers(),
            limits.maxSuppliers()),
        new Scenario(
            new LinkedHashSet<>(scenario.unavailableCountries()),
            new LinkedHashSet<>(scenario.unavailableSuppliers()),
            scenario.capacityFactors(),
            scenario.priceFactors()),
        allowShortfall,
        shortfallPenalty,
        currency,
        options,
        supplierFixedCosts);
  }

  /** The canonical JSON of a stored snapshot. */
  static String read(byte[] gzip) {
    return GzipText.text(gzip, "a stored input snapshot");
  }

  private static String countryKey(CountryLimit limit) {
    return limit.country()
        + "|"
        + limit.stage()
        + "|"
        + limit.material()
        + "|"
        + limit.basis()
        + "|"
        + limit.maxShare();
  }

  private static String groupKey(GroupLimit limit) {
    return limit.group()
        + "|"
        + limit.stage()
        + "|"
        + limit.material()
        + "|"
        + limit.basis()
        + "|"
        + limit.maxShare()
        + "|"
        + limit.minShare();
  }

  private static String factorKey(Factor factor) {
    return factor.offer() + "|" + factor.supplier() + "|" + factor.country();
  }

  private static List<String> sorted(Collection<String> values) {
    return values == null ? List.of() : values.stream().sorted().toList();
  }
}
