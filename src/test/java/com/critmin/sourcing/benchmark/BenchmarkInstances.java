package com.critmin.sourcing.benchmark;

import com.critmin.sourcing.optimizer.model.Demand;
import com.critmin.sourcing.optimizer.model.Engine;
import com.critmin.sourcing.optimizer.model.Limits;
import com.critmin.sourcing.optimizer.model.OfferInput;
import com.critmin.sourcing.optimizer.model.SolveOptions;
import com.critmin.sourcing.optimizer.model.SourcingProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded, realistic instances: supplier home countries weighted like USGS MCS 2026 rare-earth mine
 * production (SPEC section 7), MINING mostly at home, SEPARATION mostly in CN (80 % of offers), a
 * few offers with unknown upstream origin (ZZ), a 65 % country cap at every stage (EU CRMA) and a
 * 25 % supplier cap. Staged instances allow shortfall at the default penalty (10 x the highest
 * price), so one thin material does not turn a 100-material plan INFEASIBLE; the LP does the same
 * work.
 */
final class BenchmarkInstances {
  static final String[] COUNTRIES = {
    "CN", "US", "AU", "MM", "TH", "IN", "MG", "RU", "BR", "NG", "VN", "MY"
  };
  static final double[] PRODUCTION = {
    270_000, 51_000, 29_000, 22_000, 4_800, 2_900, 2_700, 2_600, 2_000, 1_500, 150, 110
  };
  private static final double[] CUMULATIVE = new double[PRODUCTION.length];

  static {
    double total = 0;
    for (double p : PRODUCTION) total += p;
    double running = 0;
    for (int i = 0; i < PRODUCTION.length; i++) {
      running += PRODUCTION[i] / total;
      CUMULATIVE[i] = running;
    }
  }

  private BenchmarkInstances() {}

  static String weightedCountry(Random r) {
    double u = r.nextDouble();
    for (int i = 0; i < CUMULATIVE.length; i++) if (u < CUMULATIVE[i]) return COUNTRIES[i];
    return COUNTRIES[0];
  }

  /**
   * {@code offers} offers spread evenly over {@code materials} materials, SUPPLY/MINING/SEPARATION
   * stages.
   */
  static SourcingProblem staged(long seed, int offers, int materials, Engine engine, int threads) {
    Random r = new Random(seed);
    int perMaterial = offers / materials;
    List<OfferInput> list = new ArrayList<>(perMaterial * materials);
    List<Demand> demands = new ArrayList<>(materials);
    Map<String, String> noOrigins = Map.of();
    for (int m = 0; m < materials; m++) {
      String material = "M" + String.format("%03d", m);
      double basePrice = 20 + 300 * r.nextDouble();
      double capacity = 0;
      int suppliers = Math.max(10, perMaterial / 10);
      String[] home = new String[suppliers];
      for (int s = 0; s < suppliers; s++) home[s] = weightedCountry(r);
      for (int i = 0; i < perMaterial; i++) {
        // A few large suppliers: supplier index skewed towards 0.
        int s = (int) (suppliers * Math.pow(r.nextDouble(), 3));
        String country = home[s];
        double cap = Math.round(10 + 990 * Math.pow(r.nextDouble(), 3));
        capacity += cap;
        double price =
            Math.round(
                    basePrice
                        * (country.equals("CN") ? 0.85 : 1.0)
                        * (0.8 + 0.5 * r.nextDouble())
                        * 100)
                / 100.0;
        double u = r.nextDouble();
        Map<String, String> origins;
        if (u < 0.03) {
          origins = noOrigins;
        } else {
          String mining = r.nextDouble() < 0.9 ? country : weightedCountry(r);
          String separation = r.nextDouble() < 0.8 ? "CN" : country;
          origins =
              u < 0.08
                  ? Map.of("MINING", mining)
                  : Map.of("MINING", mining, "SEPARATION", separation);
        }
        list.add(
            new OfferInput(
                material + "-o" + i, material + "-s" + s, material, country, cap, price, origins));
      }
      demands.add(new Demand(material, Math.round(capacity * 0.2)));
    }
    return new SourcingProblem(
        list,
        demands,
        new Limits(0.65, null, null, 0.25, null),
        null,
        true,
        null,
        "USD",
        new SolveOptions(engine, 120_000, threads));
  }

  /**
   * One material, SUPPLY-stage caps and supplier caps only, suppliers within one country: laminar.
   */
  static SourcingProblem laminar(long seed, int offers, int threads) {
    Random r = new Random(seed);
    int suppliers = Math.max(2, offers / 20);
    String[] home = new String[suppliers];
    for (int s = 0; s < suppliers; s++) home[s] = weightedCountry(r);
    List<OfferInput> list = new ArrayList<>(offers);
    double capacity = 0;
    for (int i = 0; i < offers; i++) {
      int s = (int) (suppliers * Math.pow(r.nextDouble(), 3));
      double cap = Math.round(10 + 990 * Math.pow(r.nextDouble(), 3));
      capacity += cap;
      double price =
          Math.round((home[s].equals("CN") ? 60 : 75) * (0.8 + 0.5 * r.nextDouble()) * 100) / 100.0;
      list.add(new OfferInput("o" + i, "s" + s, "NDPR_OXIDE", home[s], cap, price, null));
    }
    return new SourcingProblem(
        list,
        List.of(new Demand("NDPR_OXIDE", Math.round(capacity * 0.3))),
        new Limits(0.65, null, null, 0.02, null),
        null,
        false,
        null,
        "USD",
        new SolveOptions(Engine.GLOP, 60_000, threads));
  }
}
