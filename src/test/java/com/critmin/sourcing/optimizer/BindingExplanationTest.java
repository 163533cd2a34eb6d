package com.critmin.sourcing.optimizer;

import static com.critmin.sourcing.optimizer.ProblemBuilder.aProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.critmin.sourcing.optimizer.model.BindingConstraint;
import com.critmin.sourcing.optimizer.model.ConstraintKind;
import com.critmin.sourcing.optimizer.model.Engine;
import com.critmin.sourcing.optimizer.model.Solution;
import com.critmin.sourcing.optimizer.model.Status;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Binding limits explained one at a time: exact savings of relaxing each limit alone, and tied
 * limits.
 */
class BindingExplanationTest {
  static final double TOLERANCE = 1e-6;
  static final String NDPR = "NDPR_OXIDE";
  private static final SourcingOptimizer optimizer = new SourcingOptimizer();

  static BindingConstraint row(Solution s, ConstraintKind kind, String stage, String country) {
    return s.bindingConstraints().stream()
        .filter(b -> b.kind() == kind && b.stage().equals(stage) && b.country().equals(country))
        .findFirst()
        .orElseThrow();
  }

  /**
   * D = 1000, every country capped at 65 %. cn-1 declares no origins, so it is CN at SUPPLY and ZZ
   * at MINING and SEPARATION: 650 at 69, lynas 350 at 82.5; cost 73,725. Three caps are tight on
   * cn-1 alone; raising any one of them leaves the other two at 650, so alone each saves nothing.
   * Raising all three to 660 moves 10 from lynas to cn-1: 10 x (82.5 - 69) = 135. The basis puts
   * the dual -13.5 on one of the three, whichever.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"GLOP", "CLP"})
  void degenerateOptimumReportsTheTiedCapsAndTheirJointSaving(Engine engine) {
    Solution s =
        optimizer.solve(
            aProblem()
                .demand(NDPR, 1000)
                .maxCountryShare(0.65)
                .offer("cn", "CN", 900, 69)
                .id("cn-1")
                .offer("lynas", "MY", 500, 82.5)
                .id("lynas")
                .origin("MINING", "AU")
                .origin("SEPARATION", "MY")
                .engine(engine)
                .build());

    assertThat(s.status()).isEqualTo(Status.OPTIMAL);
    assertThat(s.totalCost()).isCloseTo(73_725, within(TOLERANCE));
    assertThat(s.bindingConstraints())
        .extracting(b -> b.stage() + ":" + b.country())
        .containsExactly("SUPPLY:CN", "MINING:ZZ", "SEPARATION:ZZ");
    assertThat(s.bindingConstraints().stream().mapToDouble(BindingConstraint::shadowPrice).sum())
        .isCloseTo(-13.5, within(TOLERANCE));
    for (BindingConstraint b : s.bindingConstraints()) {
      assertThat(b.kind()).isEqualTo(ConstraintKind.COUNTRY_CAP);
      assertThat(b.limit()).isCloseTo(0.65, within(TOLERANCE));
      assertThat(b.savingsPerPercentagePoint()).isCloseTo(0.0, within(TOLERANCE));
      assertThat(b.jointSavingsPerPercentagePoint()).isCloseTo(135.0, within(TOLERANCE));
    }
    assertThat(row(s, ConstraintKind.COUNTRY_CAP, "SUPPLY", "CN").explanation())
        .isEqualTo(
            "raising the CN cap for NDPR_OXIDE at SUPPLY alone saves nothing: it binds together with the ZZ cap "
                + "at MINING and the ZZ cap at SEPARATION; raising all three by 1 percentage point saves 135.00 USD");
    assertThat(row(s, ConstraintKind.COUNTRY_CAP, "MINING", "ZZ").explanation())
        .isEqualTo(
            "raising the ZZ cap for NDPR_OXIDE at MINING alone saves nothing: it binds together with the CN cap "
                + "at SUPPLY and the ZZ cap at SEPARATION; raising all three by 1 percentage point saves 135.00 USD");
    assertThat(row(s, ConstraintKind.COUNTRY_CAP, "SEPARATION", "ZZ").explanation())
        .isEqualTo(
            "raising the ZZ cap for NDPR_OXIDE at SEPARATION alone saves nothing: it binds together with the CN "
                + "cap at SUPPLY and the ZZ cap at MINING; raising all three by 1 percentage point saves 135.00 USD");
  }

  /**
   * Same as {@link SourcingOptimizerTest#bindingCountryCapHasExactDual}: D = 1200, CN 780 at 60,
   * lynas 420 at 82.5. 1 pp = 12 t; CN 792 and lynas 408 keep the same basis, so the exact saving
   * equals the dual-based one: -(-22.5) x 1200 x 0.01 = 270.
   */
  @ParameterizedTest(name = "{0} fastPath={1}")
  @CsvSource({"GLOP,true", "GLOP,false", "CLP,false"})
  void nonDegenerateExactSavingEqualsTheDualEstimate(Engine engine, boolean fastPath) {
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

    assertThat(s.bindingConstraints()).hasSize(1);
    BindingConstraint cn = s.bindingConstraints().get(0);
    assertThat(cn.shadowPrice()).isCloseTo(-22.5, within(TOLERANCE));
    assertThat(cn.savingsPerPercentagePoint()).isCloseTo(270, within(TOLERANCE));
    assertThat(cn.savingsPerPercentagePoint())
        .isCloseTo(-cn.shadowPrice() * 1200 * 0.01, within(TOLERANCE));
    assertThat(cn.jointSavingsPerPercentagePoint()).isNull();
    assertThat(cn.explanation())
        .isEqualTo(
            "raising the CN cap for NDPR_OXIDE at SUPPLY by 1 percentage point saves 270.00 USD");
  }

  /**
   * D = 1000, caps 65 %: CN 650 at 50, au 345 at 80 (its full capacity), us 5 at 100; cost 60,600.
   * Dual of the CN cap: one more CN unit displaces a US one, 50 - 100 = -50, so the dual-based
   * figure for 1 pp (10 t) is 500. But only 5 t of US are left to displace; the other 5 t displace
   * au at 80: 5 x 50 + 5 x 30 = 400 (660 x 50 + 340 x 80 = 60,200).
   */
  @ParameterizedTest(name = "{0} fastPath={1}")
  @CsvSource({"GLOP,true", "GLOP,false", "CLP,false"})
  void onePercentagePointAcrossABreakpointSavesLessThanTheDualSays(
      Engine engine, boolean fastPath) {
    Solution s =
        optimizer.solve(
            aProblem()
                .demand(NDPR, 1000)
                .maxCountryShare(0.65)
                .offer("cn", "CN", 2000, 50)
                .offer("au", "AU", 345, 80)
                .offer("us", "US", 1000, 100)
                .engine(engine)
                .fastPath(fastPath)
                .build());

    assertThat(s.totalCost()).isCloseTo(60_600, within(TOLERANCE));
    assertThat(s.solver().engine()).isEqualTo(fastPath ? "GREEDY" : engine.name());
    assertThat(s.bindingConstraints()).hasSize(1);
    BindingConstraint cn = s.bindingConstraints().get(0);
    assertThat(cn.country()).isEqualTo("CN");
    assertThat(cn.shadowPrice()).isCloseTo(-50, within(TOLERANCE));
    assertThat(cn.savingsPerPercentagePoint()).isCloseTo(400, within(TOLERANCE));
    assertThat(cn.explanation())
        .isEqualTo(
            "raising the CN cap for NDPR_OXIDE at SUPPLY by 1 percentage point saves 400.00 USD");
  }

  /**
   * EU (DE, FR) >= 30 % of 100: cn can sell only 70.5 at 10, so FR 30 at 15 and cn 70; cost 1,150;
   * dual +5. Lowering the minimum to 29 % lets cn sell its last 0.5 only: 0.5 x (15 - 10) = 2.50,
   * not 5.00.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"GLOP", "CLP"})
  void groupMinimumSavingIsExact(Engine engine) {
    Solution s =
        optimizer.solve(
            aProblem()
                .demand(NDPR, 100)
                .groupMin("EU", Set.of("DE", "FR"), 0.3, "SUPPLY")
                .offer("cn", "CN", 70.5, 10)
                .offer("fr", "FR", 100, 15)
                .engine(engine)
                .build());

    assertThat(s.totalCost()).isCloseTo(1150, within(TOLERANCE));
    assertThat(s.bindingConstraints()).hasSize(1);
    BindingConstraint eu = s.bindingConstraints().get(0);
    assertThat(eu.kind()).isEqualTo(ConstraintKind.GROUP_MIN);
    assertThat(eu.shadowPrice()).isCloseTo(5, within(TOLERANCE));
    assertThat(eu.savingsPerPercentagePoint()).isCloseTo(2.5, within(TOLERANCE));
    assertThat(eu.explanation())
        .isEqualTo(
            "lowering the EU minimum share for NDPR_OXIDE at SUPPLY by 1 percentage point saves 2.50 USD");
  }

  /**
   * Laminar: caps 60 % on countries and suppliers, D = 100. Supplier cn (the only CN one) 60 at 10,
   * au 40 at 20; cost 1,400. The CN cap and cn's supplier cap are both tight on the same offer:
   * raising either alone saves nothing (the greedy's right-derivatives are 0 for both), raising
   * both to 61 saves 1 x (20 - 10) = 10. GLOP puts -10 on one of the two; both paths report both
   * rows with the same figures.
   */
  @ParameterizedTest(name = "fastPath={0}")
  @CsvSource({"true", "false"})
  void greedyPathReportsCapsTiedOnTheSameOffers(boolean fastPath) {
    Solution s =
        optimizer.solve(
            aProblem()
                .demand(NDPR, 100)
                .maxCountryShare(0.6)
                .maxSupplierShare(0.6)
                .offer("cn", "CN", 100, 10)
                .offer("au", "AU", 100, 20)
                .fastPath(fastPath)
                .build());

    assertThat(s.totalCost()).isCloseTo(1400, within(TOLERANCE));
    assertThat(s.solver().engine()).isEqualTo(fastPath ? "GREEDY" : "GLOP");
    List<BindingConstraint> binding = s.bindingConstraints();
    assertThat(binding)
        .extracting(BindingConstraint::kind)
        .containsExactly(ConstraintKind.COUNTRY_CAP, ConstraintKind.SUPPLIER_CAP);
    assertThat(binding.stream().mapToDouble(BindingConstraint::shadowPrice).sum())
        .isCloseTo(fastPath ? 0 : -10, within(TOLERANCE));
    for (BindingConstraint b : binding) {
      assertThat(b.savingsPerPercentagePoint()).isCloseTo(0.0, within(TOLERANCE));
      assertThat(b.jointSavingsPerPercentagePoint()).isCloseTo(10.0, within(TOLERANCE));
    }
    assertThat(binding.get(0).explanation())
        .isEqualTo(
            "raising the CN cap for NDPR_OXIDE at SUPPLY alone saves "
                + "nothing: it binds together with the supplier cap for cn; raising both by 1 percentage point saves 10.00 USD");
    assertThat(binding.get(1).explanation())
        .isEqualTo(
            "raising the supplier cap for cn on NDPR_OXIDE alone saves "
                + "nothing: it binds together with the CN cap at SUPPLY; raising both by 1 percentage point saves 10.00 USD");
  }
}
