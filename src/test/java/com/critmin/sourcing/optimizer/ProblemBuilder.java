package com.critmin.sourcing.optimizer;

import com.critmin.sourcing.optimizer.model.CountryLimit;
import com.critmin.sourcing.optimizer.model.Demand;
import com.critmin.sourcing.optimizer.model.Engine;
import com.critmin.sourcing.optimizer.model.Factor;
import com.critmin.sourcing.optimizer.model.GroupLimit;
import com.critmin.sourcing.optimizer.model.Limits;
import com.critmin.sourcing.optimizer.model.OfferInput;
import com.critmin.sourcing.optimizer.model.Scenario;
import com.critmin.sourcing.optimizer.model.SolveOptions;
import com.critmin.sourcing.optimizer.model.SourcingProblem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Test data builder: {@code aProblem().demand("NDPR_OXIDE", 1200).offer("lynas", "AU", 500,
 * 82.5).build()}.
 */
public final class ProblemBuilder {
  private final List<Demand> demands = new ArrayList<>();
  private final List<MutableOffer> offers = new ArrayList<>();
  private String material;
  private Double maxCountryShare;
  private final List<CountryLimit> countryLimits = new ArrayList<>();
  private final List<GroupLimit> groupLimits = new ArrayList<>();
  private Double maxSupplierShare;
  private Double maxHhi;
  private final Set<String> excluded = new HashSet<>();
  private final Set<String> unavailableCountries = new HashSet<>();
  private final Set<String> unavailableSuppliers = new HashSet<>();
  private final List<Factor> capacityFactors = new ArrayList<>();
  private final List<Factor> priceFactors = new ArrayList<>();
  private boolean allowShortfall;
  private Double shortfallPenalty;
  private Engine engine = Engine.GLOP;
  private boolean fastPath = true;
  private long timeLimitMillis = 30_000;
  private int threads = 2;

  private static final class MutableOffer {
    String id;
    String supplier;
    String material;
    String country;
    double capacity;
    double price;
    Map<String, String> origins = new LinkedHashMap<>();
  }

  public static ProblemBuilder aProblem() {
    return new ProblemBuilder();
  }

  /** Adds a demand line; following offers are of this material. */
  public ProblemBuilder demand(String material, double quantity) {
    demands.add(new Demand(material, quantity));
    this.material = material;
    return this;
  }

  public ProblemBuilder demand(String material, double quantity, Double shortfallPenalty) {
    demands.add(new Demand(material, quantity, shortfallPenalty));
    this.material = material;
    return this;
  }

  /** Switches the material of following offers without adding demand. */
  public ProblemBuilder material(String material) {
    this.material = material;
    return this;
  }

  /** An offer with id {@code supplier-country-material} (suffixed if repeated). */
  public ProblemBuilder offer(String supplier, String country, double capacity, double price) {
    MutableOffer o = new MutableOffer();
    o.supplier = supplier;
    o.material = material;
    o.country = country;
    o.capacity = capacity;
    o.price = price;
    String base = supplier + "-" + country + "-" + material;
    String id = base;
    for (int k = 2; exists(id); k++) id = base + "-" + k;
    o.id = id;
    offers.add(o);
    return this;
  }

  private boolean exists(String id) {
    return offers.stream().anyMatch(o -> o.id.equals(id));
  }

  /** Sets the last offer's id. */
  public ProblemBuilder id(String id) {
    last().id = id;
    return this;
  }

  /** Declares the last offer's country at an upstream stage. */
  public ProblemBuilder origin(String stage, String country) {
    last().origins.put(stage, country);
    return this;
  }

  private MutableOffer last() {
    return offers.get(offers.size() - 1);
  }

  public ProblemBuilder maxCountryShare(double share) {
    maxCountryShare = share;
    return this;
  }

  public ProblemBuilder countryLimit(String country, String stage, String material, double share) {
    countryLimits.add(new CountryLimit(country, stage, material, share));
    return this;
  }

  public ProblemBuilder groupCap(String group, Set<String> countries, double share, String stage) {
    groupLimits.add(new GroupLimit(group, countries, share, null, stage, null));
    return this;
  }

  public ProblemBuilder groupMin(String group, Set<String> countries, double share, String stage) {
    groupLimits.add(new GroupLimit(group, countries, null, share, stage, null));
    return this;
  }

  public ProblemBuilder maxHhi(double hhi) {
    maxHhi = hhi;
    return this;
  }

  /** A cap on the country's share of the material's purchase cost. */
  public ProblemBuilder spendLimit(String country, String stage, double share) {
    countryLimits.add(
        new CountryLimit(
            country, stage, null, share, com.critmin.sourcing.optimizer.model.Basis.SPEND));
    return this;
  }

  public ProblemBuilder groupSpendCap(
      String group, Set<String> countries, double share, String stage) {
    groupLimits.add(
        new GroupLimit(
            group,
            countries,
            share,
            null,
            stage,
            null,
            com.critmin.sourcing.optimizer.model.Basis.SPEND));
    return this;
  }

  public ProblemBuilder maxSupplierShare(double share) {
    maxSupplierShare = share;
    return this;
  }

  public ProblemBuilder exclude(String... countries) {
    excluded.addAll(List.of(countries));
    return this;
  }

  public ProblemBuilder unavailableCountry(String country) {
    unavailableCountries.add(country);
    return this;
  }

  public ProblemBuilder unavailableSupplier(String supplier) {
    unavailableSuppliers.add(supplier);
    return this;
  }

  public ProblemBuilder capacityFactor(Factor factor) {
    capacityFactors.add(factor);
    return this;
  }

  public ProblemBuilder priceFactor(Factor factor) {
    priceFactors.add(factor);
    return this;
  }

  public ProblemBuilder allowShortfall(Double penalty) {
    allowShortfall = true;
    shortfallPenalty = penalty;
    return this;
  }

  public ProblemBuilder engine(Engine engine) {
    this.engine = engine;
    return this;
  }

  public ProblemBuilder noFastPath() {
    fastPath = false;
    return this;
  }

  public ProblemBuilder fastPath(boolean fastPath) {
    this.fastPath = fastPath;
    return this;
  }

  public ProblemBuilder timeLimitMillis(long millis) {
    timeLimitMillis = millis;
    return this;
  }

  public ProblemBuilder threads(int threads) {
    this.threads = threads;
    return this;
  }

  public SourcingProblem build() {
    List<OfferInput> inputs =
        offers.stream()
            .map(
                o ->
                    new OfferInput(
                        o.id, o.supplier, o.material, o.country, o.capacity, o.price, o.origins))
            .toList();
    return new SourcingProblem(
        inputs,
        demands,
        new Limits(
            maxCountryShare,
            countryLimits,
            groupLimits,
            maxSupplierShare,
            excluded,
            maxHhi,
            null,
            null),
        new Scenario(unavailableCountries, unavailableSuppliers, capacityFactors, priceFactors),
        allowShortfall,
        shortfallPenalty,
        "USD",
        new SolveOptions(engine, timeLimitMillis, threads, fastPath));
  }
}
