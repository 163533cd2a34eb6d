package com.critmin.sourcing.optimizer;

import static com.critmin.sourcing.optimizer.ProblemBuilder.aProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.critmin.sourcing.optimizer.model.ConstraintKind;
import com.critmin.sourcing.optimizer.model.Diagnosis;
import com.critmin.sourcing.optimizer.model.MaterialDiagnosis;
import com.critmin.sourcing.optimizer.model.Relaxation;
import com.critmin.sourcing.optimizer.model.Solution;
import com.critmin.sourcing.optimizer.model.Status;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Infeasible requests: every number of the diagnosis worked out by hand. */
class DiagnosisTest {
  static final double TOLERANCE = 1e-6;
  private static final SourcingOptimizer optimizer = new SourcingOptimizer();

  /**
   * D = 1200, every country <= 65 % = 780. CN can give 780, lynas only 300: at most 1,080. Uniform
   * cap t: lynas 300, CN 900 = 1200 t -> t = 0.75. Minimal relaxation: CN from 65 % to 75 %.
   */
  @Test
  void capTooTight() {
    Solution s =
        optimizer.solve(
            aProblem()
                .demand("NDPR_OXIDE", 1200)
                .maxCountryShare(0.65)
                .offer("northern", "CN", 2000, 60)
                .offer("lynas", "AU", 300, 82.5)
                .build());

    assertThat(s.status()).isEqualTo(Status.INFEASIBLE);
    assertThat(s.allocations()).isEmpty();
    Diagnosis d = s.diagnosis();
    MaterialDiagnosis m = d.materials().get(0);
    assertThat(m.demand()).isEqualTo(1200);
    assertThat(m.maxPurchasable()).isCloseTo(1080, within(TOLERANCE));
    assertThat(m.minFeasibleUniformCountryCap()).isCloseTo(0.75, within(TOLERANCE));
    assertThat(m.reason()).isEqualTo("the limits allow buying at most 1,080 of 1,200");
    assertThat(d.minFeasibleUniformCountryCap()).isCloseTo(0.75, within(TOLERANCE));
    assertThat(m.uniformCapNote()).isNull();
    // No shortfall penalty given: 10 x the dearest available price, 10 x 82.5 per unit.
    assertThat(m.shortfallNote())
        .isEqualTo(
            "with allowShortfall the plan buys at most 1,080 of the 1,200 demanded and leaves 120"
                + " unmet, charged at the shortfall penalty of 825.00 USD per unit (99,000.00 USD"
                + " in penalties for the minimum shortfall)");
    assertThat(d.relaxationsNote())
        .startsWith("apply the relaxations listed for a material together");
    assertThat(d.relaxations())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.kind()).isEqualTo(ConstraintKind.COUNTRY_CAP);
              assertThat(r.country()).isEqualTo("CN");
              assertThat(r.from()).isCloseTo(0.65, within(TOLERANCE));
              assertThat(r.to()).isCloseTo(0.75, within(TOLERANCE));
              assertThat(r.explanation())
                  .isEqualTo("raise CN at SUPPLY for NDPR_OXIDE from 65 % to 75 %");
            });
  }

  /**
   * SEPARATION: CN 50 %. Offers: a (SEP CN) 100 at 10, b (SEP MY) 40 at 12; D = 100 -> at most 90.
   * Uniform cap: every (stage, country) <= t: SUPPLY AU holds a and b together (100 <= 100 t), so t
   * = 1 is the only feasible uniform cap; the elastic LP raises CN at SEPARATION from 50 % to 60 %
   * instead.
   */
  @Test
  void separationCapWithUniformCapOfOne() {
    Solution s =
        optimizer.solve(
            aProblem()
                .demand("NDPR_OXIDE", 100)
                .countryLimit("CN", "SEPARATION", null, 0.5)
                .offer("a", "AU", 100, 10)
                .origin("SEPARATION", "CN")
                .offer("b", "AU", 40, 12)
                .origin("SEPARATION", "MY")
                .build());

    MaterialDiagnosis m = s.diagnosis().materials().get(0);
    assertThat(m.maxPurchasable()).isCloseTo(90, within(TOLERANCE));
    assertThat(m.minFeasibleUniformCountryCap()).isCloseTo(1.0, within(TOLERANCE));
    assertThat(s.diagnosis().relaxations())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.stage()).isEqualTo("SEPARATION");
              assertThat(r.to()).isCloseTo(0.6, within(TOLERANCE));
              assertThat(r.explanation())
                  .isEqualTo("raise CN at SEPARATION for NDPR_OXIDE from 50 % to 60 %");
            });
  }

  /** Only 50 of 100 exist: no cap helps (null), relax demand from 100 to 50. */
  @Test
  void capacityShortage() {
    Solution s =
        optimizer.solve(
            aProblem()
                .demand("DY_OXIDE", 100)
                .maxCountryShare(0.65)
                .offer("cn", "CN", 50, 300)
                .build());

    MaterialDiagnosis m = s.diagnosis().materials().get(0);
    assertThat(m.maxPurchasable()).isCloseTo(50, within(TOLERANCE));
    assertThat(m.minFeasibleUniformCountryCap()).isNull();
    assertThat(m.reason()).isEqualTo("available capacity 50 is below demand 100");
    assertThat(s.diagnosis().minFeasibleUniformCountryCap()).isNull();
    assertThat(m.uniformCapNote())
        .isEqualTo(
            "no country cap helps DY_OXIDE, even 100 %: the available capacity, 50, is below the"
                + " demand of 100");
    assertThat(m.shortfallNote())
        .contains("buys at most 50 of the 100 demanded and leaves 50 unmet");
    Relaxation capacity =
        s.diagnosis().relaxations().stream()
            .filter(r -> r.kind() == ConstraintKind.CAPACITY)
            .findFirst()
            .orElseThrow();
    assertThat(capacity.from()).isEqualTo(100);
    assertThat(capacity.to()).isCloseTo(50, within(TOLERANCE));
    assertThat(capacity.explanation())
        .isEqualTo("capacity is short: reduce demand for DY_OXIDE from 100 to 50 or add capacity");
  }

  /**
   * RU-mined offer excluded leaves 50 of 100: lifting RU for 50 % beats cutting demand (lower
   * penalty).
   */
  @Test
  void exclusionRelaxation() {
    Solution s =
        optimizer.solve(
            aProblem()
                .demand("NDPR_OXIDE", 100)
                .exclude("RU")
                .offer("a", "AU", 100, 10)
                .origin("MINING", "RU")
                .offer("b", "AU", 50, 12)
                .origin("MINING", "AU")
                .build());

    assertThat(s.diagnosis().relaxations())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.kind()).isEqualTo(ConstraintKind.EXCLUSION);
              assertThat(r.country()).isEqualTo("RU");
              assertThat(r.to()).isCloseTo(0.5, within(TOLERANCE));
              assertThat(r.explanation())
                  .isEqualTo("lift the exclusion of RU for NDPR_OXIDE for up to 50 % of demand");
            });
  }

  /** EU >= 40 % but EU offers only 30: lower the EU minimum from 40 % to 30 %. */
  @Test
  void groupMinimumTooHigh() {
    Solution s =
        optimizer.solve(
            aProblem()
                .demand("NDPR_OXIDE", 100)
                .groupMin("EU", Set.of("FR", "DE"), 0.4, "SUPPLY")
                .offer("fr", "FR", 30, 20)
                .offer("cn", "CN", 200, 10)
                .build());

    assertThat(s.status()).isEqualTo(Status.INFEASIBLE);
    assertThat(s.diagnosis().materials().get(0).reason())
        .isEqualTo("the minimum shares cannot be met together with the caps");
    assertThat(s.diagnosis().materials().get(0).uniformCapNote())
        .isEqualTo(
            "no country cap helps NDPR_OXIDE, even 100 %: what stops it is a supplier cap, a group"
                + " limit, a minimum share or an excluded country, not a country cap (see the"
                + " relaxations)");
    assertThat(s.diagnosis().relaxations())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.kind()).isEqualTo(ConstraintKind.GROUP_MIN);
              assertThat(r.to()).isCloseTo(0.3, within(TOLERANCE));
              assertThat(r.explanation())
                  .isEqualTo(
                      "lower the EU minimum share at SUPPLY for NDPR_OXIDE from 40 % to 30 %");
            });
  }
}
