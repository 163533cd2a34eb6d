package com.critmin.sourcing.optimizer.part;

import com.critmin.sourcing.optimizer.model.Basis;
import com.critmin.sourcing.optimizer.model.ConstraintKind;
import com.critmin.sourcing.optimizer.model.CountryLimit;
import com.critmin.sourcing.optimizer.model.CountryOutage;
import com.critmin.sourcing.optimizer.model.Demand;
import com.critmin.sourcing.optimizer.model.Factor;
import com.critmin.sourcing.optimizer.model.GroupLimit;
import com.critmin.sourcing.optimizer.model.Limits;
import com.critmin.sourcing.optimizer.model.OfferInput;
import com.critmin.sourcing.optimizer.model.Scenario;
import com.critmin.sourcing.optimizer.model.SourcingProblem;
import com.critmin.sourcing.optimizer.model.VariedLimit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a validated {@link SourcingProblem} into one {@link MaterialPart} per demand line (SPEC
 * section 3): scenario factors, availability and exclusions become capacities and effective prices;
 * stages, unknown origins (ZZ) and the most specific limit per country and stage become policy
 * rows.
 */
public final class ProblemCompiler {
  private final SourcingProblem problem;
  private final Map<String, Double> capacityByOffer;
  private final Map<String, Double> capacityBySupplier;
  private final Map<String, Double> capacityByCountry;
  private final Map<String, Double> priceByOffer;
  private final Map<String, Double> priceBySupplier;
  private final Map<String, Double> priceByCountry;
  private final Map<String, List<CountryLimit>> countryLimits;
  private final Map<String, List<CountryLimit>> spendLimits;

  /** The limit a frontier varies, null for a plain solve. */
  private final VariedLimit varied;

  /** The varied country limit as an entry competing with the policy's, null unless varied. */
  private final CountryLimit variedCountryLimit;

  /** Offer indexes per demanded material, in input order. */
  private final Map<String, int[]> offersByMaterial;

  public ProblemCompiler(SourcingProblem problem) {
    this(problem, null);
  }

  /**
   * A compiler whose parts carry the rows of {@code varied} always (active, marked {@link
   * PolicyRow#varied}, at a placeholder level of 1), so that a frontier can move them.
   */
  public ProblemCompiler(SourcingProblem problem, VariedLimit varied) {
    this.problem = problem;
    this.varied = varied;
    Scenario scenario = problem.scenario();
    capacityByOffer = new HashMap<>();
    capacityBySupplier = new HashMap<>();
    capacityByCountry = new HashMap<>();
    index(scenario.capacityFactors(), capacityByOffer, capacityBySupplier, capacityByCountry);
    priceByOffer = new HashMap<>();
    priceBySupplier = new HashMap<>();
    priceByCountry = new HashMap<>();
    index(scenario.priceFactors(), priceByOffer, priceBySupplier, priceByCountry);
    countryLimits = new HashMap<>();
    spendLimits = new HashMap<>();
    for (CountryLimit limit : problem.limits().countryLimits()) {
      (limit.basis() == Basis.SPEND ? spendLimits : countryLimits)
          .computeIfAbsent(limit.country(), c -> new ArrayList<>(2))
          .add(limit);
    }
    if (varied != null && varied.kind() == VariedLimit.Kind.COUNTRY_LIMIT) {
      variedCountryLimit =
          new CountryLimit(varied.country(), varied.stage(), varied.material(), 1.0);
      countryLimits
          .computeIfAbsent(varied.country(), c -> new ArrayList<>(2))
          .add(variedCountryLimit);
    } else {
      variedCountryLimit = null;
    }
    offersByMaterial = indexOffers(problem);
  }

  private static void index(
      List<Factor> factors,
      Map<String, Double> byOffer,
      Map<String, Double> bySupplier,
      Map<String, Double> byCountry) {
    for (Factor f : factors) {
      if (f.offer() != null) byOffer.merge(f.offer(), f.factor(), (a, b) -> a * b);
      else if (f.supplier() != null) bySupplier.merge(f.supplier(), f.factor(), (a, b) -> a * b);
      else if (f.country() != null) byCountry.merge(f.country(), f.factor(), (a, b) -> a * b);
    }
  }

  /**
   * One hash lookup per offer (none when it names the same material instance as the offer before
   * it, the usual order), then a counting pass over the remembered slots.
   */
  private static Map<String, int[]> indexOffers(SourcingProblem problem) {
    List<Demand> demands = problem.demands();
    Map<String, Integer> slots = new HashMap<>(demands.size() * 2);
    for (Demand d : demands) slots.putIfAbsent(d.material(), slots.size());
    List<OfferInput> offers = problem.offers();
    int size = offers.size();
    int[] slotOf = new int[size];
    int[] counts = new int[slots.size()];
    String lastMaterial = null;
    int lastSlot = -1;
    for (int i = 0; i < size; i++) {
      String material = offers.get(i).material();
      if (material != lastMaterial) {
        Integer slot = slots.get(material);
        lastSlot = slot == null ? -1 : slot;
        lastMaterial = material;
      }
      slotOf[i] = lastSlot;
      if (lastSlot >= 0) counts[lastSlot]++;
    }
    int[][] bySlot = new int[counts.length][];
    for (int k = 0; k < counts.length; k++) bySlot[k] = new int[counts[k]];
    int[] fill = new int[counts.length];
    for (int i = 0; i < size; i++) {
      int slot = slotOf[i];
      if (slot >= 0) bySlot[slot][fill[slot]++] = i;
    }
    Map<String, int[]> result = new HashMap<>(slots.size() * 2);
    for (var e : slots.entrySet()) result.put(e.getKey(), bySlot[e.getValue()]);
    return result;
  }

  /** Number of offers of a demanded material (all of them, before the scenario). */
  public int offerCount(String material) {
    int[] offers = offersByMaterial.get(material);
    return offers == null ? 0 : offers.length;
  }

  private static double factor(Map<String, Double> map, String key) {
    if (map.isEmpty() || key == null) return 1.0;
    Double f = map.get(key);
    return f == null ? 1.0 : f;
  }

  public MaterialPart compile(Demand demandLine) {
    String material = demandLine.material();
    double demand = demandLine.quantity();
    int[] offerIndexes = offersByMaterial.getOrDefault(material, new int[0]);
    List<OfferInput> offers = problem.offers();
    Limits limits = problem.limits();
    Scenario scenario = problem.scenario();
    Set<String> excluded = limits.excludedCountries();
    Set<String> unavailableCountries = scenario.unavailableCountries();
    Set<String> unavailableSuppliers = scenario.unavailableSuppliers();
    List<CountryOutage> outages = scenario.countryOutages();

    // Stages come from every offer of the material, so a scenario never changes which stages exist.
    // Offers name the same few stage strings: an identity scan skips the sorted set for keys
    // already seen.
    TreeSet<String> upstream = new TreeSet<>();
    String[] seen = new String[16];
    int seenCount = 0;
    for (int idx : offerIndexes) {
      for (String key : offers.get(idx).origins().keySet()) {
        boolean known = false;
        for (int k = 0; k < seenCount && !known; k++) known = seen[k] == key;
        if (known) continue;
        upstream.add(key);
        if (seenCount < seen.length) seen[seenCount++] = key;
      }
    }
    upstream.remove(MaterialPart.SUPPLY);
    String[] stages = new String[upstream.size() + 1];
    stages[0] = MaterialPart.SUPPLY;
    int s = 1;
    for (String stage : upstream) stages[s++] = stage;

    int m = offerIndexes.length;
    String[] ids = new String[m];
    String[] suppliers = new String[m];
    int[] supplierIndex = new int[m];
    double[] capacity = new double[m];
    double[] price = new double[m];
    String[][] excludedBy = new String[m][];
    int[][] countryOf = new int[stages.length][m];
    Map<String, Integer> countryIds = new LinkedHashMap<>();
    Map<String, Integer> supplierIds = new HashMap<>();
    String lastSupplier = null;
    int lastSupplierIndex = -1;
    int n = 0;
    for (int idx : offerIndexes) {
      OfferInput o = offers.get(idx);
      if (unavailableSuppliers.contains(o.supplierId())
          || unavailableCountries.contains(o.country())
          || (!outages.isEmpty() && isOut(o, outages))) continue;
      double k =
          factor(capacityByOffer, o.id())
              * factor(capacityBySupplier, o.supplierId())
              * factor(capacityByCountry, o.country());
      double cap = k * o.capacity();
      if (!(cap > 0)) continue;
      double p =
          o.unitPrice()
              * factor(priceByOffer, o.id())
              * factor(priceBySupplier, o.supplierId())
              * factor(priceByCountry, o.country());
      ids[n] = o.id();
      suppliers[n] = o.supplierId();
      String supplier = o.supplierId();
      if (supplier != lastSupplier) {
        Integer si = supplierIds.get(supplier);
        if (si == null) {
          si = supplierIds.size();
          supplierIds.put(supplier, si);
        }
        lastSupplier = supplier;
        lastSupplierIndex = si;
      }
      supplierIndex[n] = lastSupplierIndex;
      capacity[n] = cap;
      price[n] = p;
      Map<String, String> origins = o.origins();
      for (int g = 0; g < stages.length; g++) {
        String c =
            g == 0 ? o.country() : origins.getOrDefault(stages[g], MaterialPart.UNKNOWN_COUNTRY);
        Integer ci = countryIds.get(c);
        if (ci == null) {
          ci = countryIds.size();
          countryIds.put(c, ci);
        }
        countryOf[g][n] = ci;
      }
      if (!excluded.isEmpty()) excludedBy[n] = exclusions(o, excluded);
      n++;
    }
    if (n < m) {
      ids = Arrays.copyOf(ids, n);
      suppliers = Arrays.copyOf(suppliers, n);
      supplierIndex = Arrays.copyOf(supplierIndex, n);
      capacity = Arrays.copyOf(capacity, n);
      price = Arrays.copyOf(price, n);
      excludedBy = Arrays.copyOf(excludedBy, n);
      for (int g = 0; g < stages.length; g++) countryOf[g] = Arrays.copyOf(countryOf[g], n);
    }
    String[] countries = countryIds.keySet().toArray(new String[0]);

    MaterialPart.Candidates candidates =
        new MaterialPart.Candidates(ids, suppliers, supplierIndex, capacity, price, excludedBy);
    double maxPrice = candidates.maxAvailablePrice();
    double penalty;
    if (demandLine.shortfallPenalty() != null) penalty = demandLine.shortfallPenalty();
    else if (problem.shortfallPenalty() != null) penalty = problem.shortfallPenalty();
    else penalty = maxPrice > 0 ? 10 * maxPrice : 1.0;

    List<PolicyRow> rows = new ArrayList<>();
    if (demand > 0) {
      buildCountryRows(
          material, demand, stages, countryOf, countries, capacity, excludedBy, n, rows);
      buildGroupRows(material, demand, stages, countryOf, countries, capacity, excludedBy, n, rows);
      buildSupplierRows(
          demand, suppliers, supplierIndex, supplierIds.size(), capacity, excludedBy, n, rows);
      buildSpendRows(material, stages, countryOf, countries, price, n, rows);
    }
    return MaterialPart.of(
        new MaterialPart.Need(material, demand, problem.allowShortfall(), penalty),
        candidates,
        new MaterialPart.Origins(stages, countryOf, countries),
        rows);
  }

  private static boolean isOut(OfferInput offer, List<CountryOutage> outages) {
    for (CountryOutage outage : outages) {
      if (outage.hits(offer.country(), offer.origins())) return true;
    }
    return false;
  }

  private static String[] exclusions(OfferInput o, Set<String> excluded) {
    List<String> found = null;
    if (excluded.contains(o.country())) found = new ArrayList<>(List.of(o.country()));
    for (String c : o.origins().values()) {
      if (excluded.contains(c)) {
        if (found == null) found = new ArrayList<>(2);
        if (!found.contains(c)) found.add(c);
      }
    }
    return found == null ? null : found.toArray(new String[0]);
  }

  /**
   * The most specific country limit for (country, stage, material), else maxCountryShare, else 1.
   * Several entries at the same specificity all apply: the tightest binds.
   */
  double countryShare(String country, String stage, String material) {
    CountryLimit best = mostSpecific(countryLimits.get(country), stage, material);
    if (best != null) return best.maxShare();
    Double max = problem.limits().maxCountryShare();
    return max == null ? 1.0 : max;
  }

  /**
   * The shares of the other entries at the most specific entry's specificity, looser than it (or
   * tied): the explanation names them beside the one that binds.
   */
  private double[] looserCountryShares(String country, String stage, String material) {
    List<CountryLimit> candidates = countryLimits.get(country);
    CountryLimit best = mostSpecific(candidates, stage, material);
    if (best == null) return null;
    int bestRank = rank(best, stage, material);
    double[] looser = new double[0];
    for (CountryLimit l : candidates) {
      if (l != best && rank(l, stage, material) == bestRank) {
        looser = Arrays.copyOf(looser, looser.length + 1);
        looser[looser.length - 1] = l.maxShare();
      }
    }
    return looser;
  }

  /** Whether the (country, stage, material) cap is the one a frontier varies. */
  boolean isVaried(String country, String stage, String material) {
    if (varied == null || varied.kind() == VariedLimit.Kind.GROUP_LIMIT) return false;
    CountryLimit best = mostSpecific(countryLimits.get(country), stage, material);
    if (varied.kind() == VariedLimit.Kind.MAX_COUNTRY_SHARE) return best == null;
    return best == variedCountryLimit;
  }

  private static int rank(CountryLimit l, String stage, String material) {
    if (l.stage() != null && !l.stage().equals(stage)) return -1;
    if (l.material() != null && !l.material().equals(material)) return -1;
    return (l.stage() != null ? 2 : 0) + (l.material() != null ? 1 : 0);
  }

  /** The most specific entry; among equals the varied one, else the tightest. */
  private CountryLimit mostSpecific(List<CountryLimit> candidates, String stage, String material) {
    if (candidates == null) return null;
    CountryLimit best = null;
    int bestRank = -1;
    for (CountryLimit l : candidates) {
      if (l.stage() != null && !l.stage().equals(stage)) continue;
      if (l.material() != null && !l.material().equals(material)) continue;
      int rank = (l.stage() != null ? 2 : 0) + (l.material() != null ? 1 : 0);
      boolean better =
          rank > bestRank
              || (rank == bestRank
                  && best != variedCountryLimit
                  && (l == variedCountryLimit || l.maxShare() < best.maxShare()));
      if (better) {
        best = l;
        bestRank = rank;
      }
    }
    return best;
  }

  private void buildCountryRows(
      String material,
      double demand,
      String[] stages,
      int[][] countryOf,
      String[] countries,
      double[] capacity,
      String[][] excludedBy,
      int n,
      List<PolicyRow> rows) {
    int nc = countries.length;
    for (int g = 0; g < stages.length; g++) {
      int[] of = countryOf[g];
      int[] count = new int[nc];
      double[] available = new double[nc];
      for (int i = 0; i < n; i++) {
        count[of[i]]++;
        if (excludedBy[i] == null) available[of[i]] += capacity[i];
      }
      double[] share = new double[nc];
      boolean[] isVaried = new boolean[nc];
      int[][] members = new int[nc][];
      for (int c = 0; c < nc; c++) {
        share[c] = count[c] == 0 ? 1.0 : countryShare(countries[c], stages[g], material);
        isVaried[c] = count[c] > 0 && isVaried(countries[c], stages[g], material);
        if (isVaried[c]) share[c] = 1.0;
        if (share[c] < 1.0 || isVaried[c]) members[c] = new int[count[c]];
      }
      int[] fill = new int[nc];
      for (int i = 0; i < n; i++) {
        int c = of[i];
        if (members[c] != null) members[c][fill[c]++] = i;
      }
      for (int c = 0; c < nc; c++) {
        if (members[c] == null) continue;
        PolicyRow row =
            PolicyRow.countryCap(
                    stages[g],
                    g,
                    countries[c],
                    c,
                    share[c],
                    demand,
                    members[c],
                    available[c] > share[c] * demand)
                .withLooser(
                    isVaried[c] ? null : looserCountryShares(countries[c], stages[g], material));
        rows.add(isVaried[c] ? row.asVaried() : row);
      }
    }
  }

  private void buildGroupRows(
      String material,
      double demand,
      String[] stages,
      int[][] countryOf,
      String[] countries,
      double[] capacity,
      String[][] excludedBy,
      int n,
      List<PolicyRow> rows) {
    List<GroupLimit> limits = new ArrayList<>();
    GroupLimit variedGroup = null;
    for (GroupLimit limit : problem.limits().groupLimits()) {
      if (limit.basis() == Basis.SPEND) continue;
      if (isVariedGroup(limit) && limit.maxShare() != null) {
        // The varied cap replaces the policy's; its minimum stays.
        if (limit.minShare() == null) continue;
        limit =
            new GroupLimit(
                limit.group(),
                limit.countries(),
                null,
                limit.minShare(),
                limit.stage(),
                limit.material());
      }
      limits.add(limit);
    }
    if (varied != null && varied.kind() == VariedLimit.Kind.GROUP_LIMIT) {
      variedGroup =
          new GroupLimit(varied.group(), varied.groupCountries(), 1.0, null, varied.stage(), null);
      limits.add(variedGroup);
    }
    // Two caps of one group at one stage for one material: the tighter binds, the looser is left
    // out of the model (it would only tie with it) and named in the explanation.
    Map<String, GroupLimit> tightestCap = new HashMap<>();
    for (GroupLimit limit : limits) {
      if (limit.maxShare() == null || limit == variedGroup) continue;
      tightestCap.merge(groupKey(limit), limit, (a, b) -> b.maxShare() < a.maxShare() ? b : a);
    }
    for (GroupLimit limit : limits) {
      if (limit.material() != null && !limit.material().equals(material)) continue;
      boolean isVariedRow = limit == variedGroup;
      boolean tightest =
          isVariedRow || (limit.maxShare() != null && tightestCap.get(groupKey(limit)) == limit);
      double[] looser = null;
      if (tightest && !isVariedRow) {
        for (GroupLimit other : limits) {
          if (other != limit
              && other.maxShare() != null
              && groupKey(other).equals(groupKey(limit))) {
            looser = looser == null ? new double[1] : Arrays.copyOf(looser, looser.length + 1);
            looser[looser.length - 1] = other.maxShare();
          }
        }
      }
      boolean hasMax = tightest && (isVariedRow || limit.maxShare() < 1.0);
      boolean hasMin = limit.minShare() != null && limit.minShare() > 0.0;
      if (!hasMax && !hasMin) continue;
      boolean[] inGroup = new boolean[countries.length];
      for (int c = 0; c < countries.length; c++)
        inGroup[c] = limit.countries().contains(countries[c]);
      for (int g = 0; g < stages.length; g++) {
        if (limit.stage() != null && !limit.stage().equals(stages[g])) continue;
        int[] of = countryOf[g];
        int count = 0;
        double available = 0;
        for (int i = 0; i < n; i++) {
          if (inGroup[of[i]]) {
            count++;
            if (excludedBy[i] == null) available += capacity[i];
          }
        }
        int[] members = new int[count];
        int k = 0;
        for (int i = 0; i < n; i++) if (inGroup[of[i]]) members[k++] = i;
        if (hasMax && count > 0) {
          PolicyRow row =
              PolicyRow.groupCap(
                      stages[g],
                      g,
                      limit.group(),
                      limit.maxShare(),
                      demand,
                      members,
                      available > limit.maxShare() * demand)
                  .withLooser(looser);
          rows.add(isVariedRow ? row.asVaried() : row);
        }
        if (hasMin) {
          rows.add(
              PolicyRow.groupMin(stages[g], g, limit.group(), limit.minShare(), demand, members));
        }
      }
    }
  }

  private boolean isVariedGroup(GroupLimit limit) {
    return varied != null
        && varied.kind() == VariedLimit.Kind.GROUP_LIMIT
        && limit.group().equals(varied.group())
        && java.util.Objects.equals(limit.stage(), varied.stage())
        && limit.material() == null;
  }

  /**
   * Spend caps (SPEND basis): per stage, the most specific SPEND entry of each country present, and
   * every SPEND group limit; linear rows over all candidates (see {@link PolicyRow#spendCap}).
   */
  private void buildSpendRows(
      String material,
      String[] stages,
      int[][] countryOf,
      String[] countries,
      double[] price,
      int n,
      List<PolicyRow> rows) {
    if (n == 0) return;
    boolean any = !spendLimits.isEmpty();
    for (GroupLimit limit : problem.limits().groupLimits()) any |= limit.basis() == Basis.SPEND;
    if (!any) return;
    for (int g = 0; g < stages.length; g++) {
      int[] of = countryOf[g];
      boolean[] present = new boolean[countries.length];
      for (int i = 0; i < n; i++) present[of[i]] = true;
      for (int c = 0; c < countries.length; c++) {
        if (!present[c]) continue;
        CountryLimit best = mostSpecific(spendLimits.get(countries[c]), stages[g], material);
        if (best == null || best.maxShare() >= 1.0) continue;
        boolean[] inside = new boolean[n];
        for (int i = 0; i < n; i++) inside[i] = of[i] == c;
        rows.add(
            PolicyRow.spendCap(
                ConstraintKind.COUNTRY_CAP,
                stages[g],
                g,
                countries[c],
                c,
                null,
                best.maxShare(),
                inside,
                Arrays.copyOf(price, n)));
      }
      for (GroupLimit limit : problem.limits().groupLimits()) {
        if (limit.basis() != Basis.SPEND) continue;
        if (limit.material() != null && !limit.material().equals(material)) continue;
        if (limit.stage() != null && !limit.stage().equals(stages[g])) continue;
        boolean[] inside = new boolean[n];
        boolean anyInside = false;
        for (int i = 0; i < n; i++) {
          inside[i] = limit.countries().contains(countries[of[i]]);
          anyInside |= inside[i];
        }
        if (limit.maxShare() != null && limit.maxShare() < 1.0 && anyInside) {
          rows.add(
              PolicyRow.spendCap(
                  ConstraintKind.GROUP_CAP,
                  stages[g],
                  g,
                  null,
                  -1,
                  limit.group(),
                  limit.maxShare(),
                  inside,
                  Arrays.copyOf(price, n)));
        }
        if (limit.minShare() != null && limit.minShare() > 0.0) {
          rows.add(
              PolicyRow.spendCap(
                  ConstraintKind.GROUP_MIN,
                  stages[g],
                  g,
                  null,
                  -1,
                  limit.group(),
                  limit.minShare(),
                  inside,
                  Arrays.copyOf(price, n)));
        }
      }
    }
  }

  private static String groupKey(GroupLimit limit) {
    return limit.group() + "|" + limit.stage() + "|" + limit.material();
  }

  private void buildSupplierRows(
      double demand,
      String[] suppliers,
      int[] supplierIndex,
      int supplierCount,
      double[] capacity,
      String[][] excludedBy,
      int n,
      List<PolicyRow> rows) {
    Double max = problem.limits().maxSupplierShare();
    if (max == null || max >= 1.0) return;
    double rhs = max * demand;
    int[] count = new int[supplierCount];
    double[] available = new double[supplierCount];
    String[] names = new String[supplierCount];
    for (int i = 0; i < n; i++) {
      int s = supplierIndex[i];
      count[s]++;
      names[s] = suppliers[i];
      if (excludedBy[i] == null) available[s] += capacity[i];
    }
    int[][] members = new int[supplierCount][];
    for (int s = 0; s < supplierCount; s++) members[s] = new int[count[s]];
    int[] fill = new int[supplierCount];
    for (int i = 0; i < n; i++) members[supplierIndex[i]][fill[supplierIndex[i]]++] = i;
    for (int s = 0; s < supplierCount; s++) {
      rows.add(PolicyRow.supplierCap(names[s], max, demand, members[s], available[s] > rhs));
    }
  }
}
