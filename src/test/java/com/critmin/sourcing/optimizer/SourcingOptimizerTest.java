package com.critmin.sourcing.optimizer;

import static com.critmin.sourcing.optimizer.ProblemBuilder.aProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.critmin.sourcing.optimizer.model.Allocation;
import com.critmin.sourcing.optimizer.model.BindingConstraint;
import com.critmin.sourcing.optimizer.model.ConstraintKind;
import com.critmin.sourcing.optimizer.model.Engine;
import com.critmin.sourcing.optimizer.model.Factor;
import com.critmin.sourcing.optimizer.model.MaterialResult;
import com.critmin.sourcing.optimizer.model.Share;
import com.critmin.sourcing.optimizer.model.Solution;
import com.critmin.sourcing.optimizer.model.Status;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hand-computed optima for every kind of limit; each case is worked out in its comment. */
class SourcingOptimizerTest {
  static final double TOLERANCE = 1e-6;
  static final String NDPR = "NDPR_OXIDE";
  private static final SourcingOptimizer optimizer = new SourcingOptimizer();

  static double quantity(Solution s, String offerId) {
    return s.allocations().stream()
        .filter(a -> a.offerId().equals(offerId))
        .mapToDouble(Allocation::quantity)
        .sum();
  }

  static BindingConstraint binding(Solution s, ConstraintKind kind) {
    return s.bindingConstraints().stream().filter(b -> b.kind() == kind).findFirst().orElseThrow();
  }

  static MaterialResult material(Solution s, String material) {
    return s.materials().stream()
        .filter(m -> m.material().equals(material))
        .findFirst()
        .orElseThrow();
  }

  /**
   * D = 1200, CN cap 65 % = 780. Cheapest first: CN 780 at 60, then lynas 420 at 82.5; cost 81,450.
   * One more unit of CN cap replaces a lynas unit: dual = 60 - 82.5 = -22.5; 1 pp = 12 t saves
   * 270.00 USD.
   */
  @ParameterizedTest(name = "{0} fastPath={1}")
  @CsvSource({"GLOP,true", "GLOP,false", "CLP,false"})
  void bindingCountryCapHasExactDual(Engine engine, boolean fastPath) {
    Solution s =
        optimizer.solve(
            aProblem()
                .demand(NDPR, 1200)
                .maxCountryShare(0.65)
                .offer("northern", "CN", 2000, 60)
                .offer("lynas", "AU", 500, 82.5)
                .offer("mp", "US", 1000, 90)
                .engine(engine)
                .fastPath(fastPath)
                .build());

    assertThat(s.status()).isEqualTo(Status.OPTIMAL);
    assertThat(s.totalCost()).isCloseTo(81_450, within(TOLERANCE));
    assertThat(quantity(s, "northern-CN-NDPR_OXIDE")).isCloseTo(780, within(TOLERANCE));
    assertThat(quantity(s, "lynas-AU-NDPR_OXIDE")).isCloseTo(420, within(TOLERANCE));
    assertThat(s.bindingConstraints()).hasSize(1);
    BindingConstraint cn = s.bindingConstraints().get(0);
    assertThat(cn.kind()).isEqualTo(ConstraintKind.COUNTRY_CAP);
    assertThat(cn.country()).isEqualTo("CN");
    assertThat(cn.stage()).isEqualTo("SUPPLY");
    assertThat(cn.limit()).isCloseTo(0.65, within(TOLERANCE));
    assertThat(cn.shadowPrice()).isCloseTo(-22.5, within(TOLERANCE));
    assertThat(cn.explanation())
        .isEqualTo(
            "raising the CN cap for NDPR_OXIDE at SUPPLY by 1 percentage point saves 270.00 USD");
    assertThat(s.solver().engine()).isEqualTo(fastPath ? "GREEDY" : engine.name());
    MaterialResult m = material(s, NDPR);
    assertThat(m.allocated()).isCloseTo(1200, within(TOLERANCE));
    assertThat(m.shortfall()).isZero();
    // HHI: (780/1200)^2 + (420/1200)^2 = 0.4225 + 0.1225 -> 5,450
    assertThat(m.hhi()).isCloseTo(5450, within(1e-6));
    assertThat(m.shares()).contains(new Share("SUPPLY", "CN", 780, 0.65));
  }

  /**
   * Two offers do not declare SEPARATION, which a third one does, so they count as ZZ there; ZZ is
   * capped at 30 % at SEPARATION. Cheapest ZZ (5) takes 30, the US offer at 20 the rest: 150 +
   * 1,400 = 1,550. Dual of the ZZ cap: one more ZZ unit at 5 replaces a US one at 20: -15.
   */
  @Test
  void unknownOriginCountsAsZz() {
    Solution s =
        optimizer.solve(
            aProblem()
                .demand(NDPR, 100)
                .countryLimit("ZZ", "SEPARATION", null, 0.3)
                .offer("a", "MY", 100, 5)
                .offer("b", "TH", 100, 6)
                .offer("c", "US", 100, 20)
                .origin("SEPARATION", "US")
                .build());

    assertThat(s.totalCost()).isCloseTo(1550, within(TOLERANCE));
    assertThat(quantity(s, "a-MY-NDPR_OXIDE")).isCloseTo(30, within(TOLERANCE));
    BindingConstraint zz = binding(s, ConstraintKind.COUNTRY_CAP);
    assertThat(zz.country()).isEqualTo("ZZ");
    assertThat(zz.stage()).isEqualTo("SEPARATION");
    assertThat(zz.shadowPrice()).isCloseTo(-15, within(TOLERANCE));
    assertThat(material(s, NDPR).shares())
        .contains(new Share("SEPARATION", "ZZ", 30, 0.3), new Share("SEPARATION", "US", 70, 0.7));
    assertThat(s.solver().fastPathParts()).isZero();
  }

  /**
   * Limits on CN: generic 80 %, at SEPARATION 50 %, at SEPARATION for NDPR 40 %, any stage for DY
   * 30 %. NDPR: SEPARATION CN <= 40 (material+stage beats stage), SUPPLY CN <= 80: x1 40 at 10, y
   * 60 at 20 = 1,600. DY: SEPARATION CN <= 50 (stage beats material without stage), SUPPLY CN <= 30
   * (material beats generic): x1 30 at 10, x2 20 at 12, y 50 at 20 = 300 + 240 + 1,000 = 1,540.
   */
  @Test
  void mostSpecificCountryLimitWins() {
    var builder =
        aProblem()
            .countryLimit("CN", null, null, 0.8)
            .countryLimit("CN", "SEPARATION", null, 0.5)
            .countryLimit("CN", "SEPARATION", NDPR, 0.4)
            .countryLimit("CN", null, "DY_OXIDE", 0.3);
    for (String m : new String[] {NDPR, "DY_OXIDE"}) {
      builder
          .demand(m, 100)
          .offer("x1", "CN", 100, 10)
          .origin("SEPARATION", "CN")
          .offer("x2", "AU", 100, 12)
          .origin("SEPARATION", "CN")
          .offer("y", "AU", 100, 20)
          .origin("SEPARATION", "AU");
    }
    Solution s = optimizer.solve(builder.build());

    assertThat(material(s, NDPR).cost()).isCloseTo(1600, within(TOLERANCE));
    assertThat(material(s, "DY_OXIDE").cost()).isCloseTo(1540, within(TOLERANCE));
    assertThat(s.totalCost()).isCloseTo(3140, within(TOLERANCE));
    assertThat(quantity(s, "x2-AU-DY_OXIDE")).isCloseTo(20, within(TOLERANCE));
  }

  /**
   * FEOC (CN, RU) <= 50 %: CN 50 at 10, AU 50 at 20 = 1,500; dual 10 - 20 = -10, 1 pp = 1 t saves
   * 10.00.
   */
  @Test
  void groupCap() {
    Solution s =
        optimizer.solve(
            aProblem()
                .demand(NDPR, 100)
                .groupCap("FEOC", Set.of("CN", "RU"), 0.5, null)
                .offer("cn", "CN", 100, 10)
                .offer("ru", "RU", 100, 11)
                .offer("au", "AU", 100, 20)
                .build());

    assertThat(s.totalCost()).isCloseTo(1500, within(TOLERANCE));
    BindingConstraint feoc = binding(s, ConstraintKind.GROUP_CAP);
    assertThat(feoc.group()).isEqualTo("FEOC");
    assertThat(feoc.shadowPrice()).isCloseTo(-10, within(TOLERANCE));
    assertThat(feoc.explanation())
        .isEqualTo(
            "raising the FEOC group cap for NDPR_OXIDE at SUPPLY by 1 percentage point saves 10.00 USD");
  }

  /**
   * EU (DE, FR) >= 30 %: FR 30 at 15, CN 70 at 10 = 1,150; dual +5 (one more EU unit costs 15 -
   * 10).
   */
  @Test
  void groupMinimum() {
    Solution s =
        optimizer.solve(
            aProblem()
                .demand(NDPR, 100)
                .groupMin("EU", Set.of("DE", "FR"), 0.3, "SUPPLY")
                .offer("cn", "CN", 100, 10)
                .offer("fr", "FR", 100, 15)
                .build());

    assertThat(s.totalCost()).isCloseTo(1150, within(TOLERANCE));
    BindingConstraint eu = binding(s, ConstraintKind.GROUP_MIN);
    assertThat(eu.shadowPrice()).isCloseTo(5, within(TOLERANCE));
    assertThat(eu.explanation())
        .isEqualTo(
            "lowering the EU minimum share for NDPR_OXIDE at SUPPLY by 1 percentage point saves 5.00 USD");
  }

  /**
   * Supplier cap 40 %: lynas 40 at 10, mp 40 at 12, cn 20 at 20 = 1,280. Duals: lynas 10 - 20 =
   * -10, mp 12 - 20 = -8. Greedy (laminar) and GLOP must agree.
   */
  @ParameterizedTest(name = "fastPath={0}")
  @CsvSource({"true", "false"})
  void supplierCap(boolean fastPath) {
    Solution s =
        optimizer.solve(
            aProblem()
                .demand(NDPR, 100)
                .maxSupplierShare(0.4)
                .offer("lynas", "AU", 100, 10)
                .offer("mp", "US", 100, 12)
                .offer("cn", "CN", 100, 20)
                .fastPath(fastPath)
                .build());

    assertThat(s.totalCost()).isCloseTo(1280, within(TOLERANCE));
    assertThat(s.bindingConstraints())
        .extracting(BindingConstraint::supplier)
        .containsExactlyInAnyOrder("lynas", "mp");
    for (BindingConstraint b : s.bindingConstraints()) {
      assertThat(b.shadowPrice())
          .isCloseTo(b.supplier().equals("lynas") ? -10 : -8, within(TOLERANCE));
    }
    assertThat(s.bindingConstraints())
        .anyMatch(
            b ->
                b.explanation()
                    .equals(
                        "raising the supplier cap for lynas on NDPR_OXIDE by 1 percentage point saves 10.00 USD"));
  }

  /** RU is excluded; offer a is mined in RU, so only b (15) can be used: 1,500. */
  @Test
  void exclusionAppliesAtOriginStage() {
    Solution s =
        optimizer.solve(
            aProblem()
                .demand(NDPR, 100)
                .exclude("RU")
                .offer("a", "AU", 100, 10)
                .origin("MINING", "RU")
                .offer("b", "AU", 100, 15)
                .origin("MINING", "AU")
                .build());

    assertThat(s.totalCost()).isCloseTo(1500, within(TOLERANCE));
    assertThat(quantity(s, "a-AU-NDPR_OXIDE")).isZero();
  }

  /** CN unavailable and supplier lynas unavailable: only mp at 12 is left: 1,200. */
  @Test
  void unavailableCountryAndSupplier() {
    Solution s =
        optimizer.solve(
            aProblem()
                .demand(NDPR, 100)
                .unavailableCountry("CN")
                .unavailableSupplier("lynas")
                .offer("cn", "CN", 100, 5)
                .offer("lynas", "AU", 100, 10)
                .offer("mp", "US", 100, 12)
                .build());

    assertThat(s.totalCost()).isCloseTo(1200, within(TOLERANCE));
    assertThat(s.allocations()).extracting(Allocation::supplierId).containsExactly("mp");
  }

  /** lynas capacity x 0.5 = 50 at 10, the rest from mp at 12: 500 + 600 = 1,100. */
  @Test
  void capacityFactor() {
    Solution s =
        optimizer.solve(
            aProblem()
                .demand(NDPR, 100)
                .capacityFactor(Factor.ofSupplier("lynas", 0.5))
                .offer("lynas", "AU", 100, 10)
                .offer("mp", "US", 100, 12)
                .build());

    assertThat(quantity(s, "lynas-AU-NDPR_OXIDE")).isCloseTo(50, within(TOLERANCE));
    assertThat(s.totalCost()).isCloseTo(1100, within(TOLERANCE));
  }

  /**
   * A 25 % tariff on CN makes 10 into 12.5, so AU at 11 wins: 1,100; the allocation reports price
   * 11.
   */
  @Test
  void priceFactorChangesTheChoice() {
    var builder =
        aProblem().demand(NDPR, 100).offer("cn", "CN", 100, 10).offer("au", "AU", 100, 11);
    assertThat(optimizer.solve(builder.build()).totalCost()).isCloseTo(1000, within(TOLERANCE));

    Solution s = optimizer.solve(builder.priceFactor(Factor.ofCountry("CN", 1.25)).build());
    assertThat(s.totalCost()).isCloseTo(1100, within(TOLERANCE));
    assertThat(s.allocations())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.offerId()).isEqualTo("au-AU-NDPR_OXIDE");
              assertThat(a.unitPrice()).isEqualTo(11);
            });
  }

  /** Penalty 30 < 50: buy AU 60 at 10 and leave 40 short; totalCost excludes the penalty: 600. */
  @Test
  void shortfallAllowedWithPenalty() {
    Solution s =
        optimizer.solve(
            aProblem()
                .demand(NDPR, 100)
                .allowShortfall(30.0)
                .offer("au", "AU", 60, 10)
                .offer("us", "US", 100, 50)
                .build());

    assertThat(s.status()).isEqualTo(Status.OPTIMAL);
    assertThat(s.totalCost()).isCloseTo(600, within(TOLERANCE));
    assertThat(material(s, NDPR).shortfall()).isCloseTo(40, within(TOLERANCE));
  }

  /**
   * Default penalty is 10 x the highest price (500 > 50), so the US offer fills the gap: 600 +
   * 2,000.
   */
  @ParameterizedTest(name = "fastPath={0}")
  @CsvSource({"true", "false"})
  void defaultPenaltyPrefersBuying(boolean fastPath) {
    Solution s =
        optimizer.solve(
            aProblem()
                .demand(NDPR, 100)
                .allowShortfall(null)
                .offer("au", "AU", 60, 10)
                .offer("us", "US", 100, 50)
                .fastPath(fastPath)
                .build());

    assertThat(s.totalCost()).isCloseTo(2600, within(TOLERANCE));
    assertThat(material(s, NDPR).shortfall()).isZero();
  }

  /** A material nobody offers is all shortfall when allowed, infeasible otherwise. */
  @Test
  void materialWithoutOffers() {
    Solution allowed =
        optimizer.solve(aProblem().demand("TB_OXIDE", 10).allowShortfall(null).build());
    assertThat(allowed.status()).isEqualTo(Status.OPTIMAL);
    assertThat(material(allowed, "TB_OXIDE").shortfall()).isEqualTo(10);

    Solution strict = optimizer.solve(aProblem().demand("TB_OXIDE", 10).build());
    assertThat(strict.status()).isEqualTo(Status.INFEASIBLE);
    assertThat(strict.diagnosis().materials())
        .singleElement()
        .satisfies(d -> assertThat(d.reason()).isEqualTo("no offer of TB_OXIDE is available"));
    assertThat(strict.diagnosis().relaxations())
        .singleElement()
        .satisfies(r -> assertThat(r.kind()).isEqualTo(ConstraintKind.CAPACITY));
  }
}
