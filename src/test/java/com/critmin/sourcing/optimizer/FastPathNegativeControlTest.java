package com.critmin.sourcing.optimizer;

import static com.critmin.sourcing.optimizer.ProblemBuilder.aProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.critmin.sourcing.optimizer.model.Demand;
import com.critmin.sourcing.optimizer.model.Solution;
import com.critmin.sourcing.optimizer.model.SourcingProblem;
import com.critmin.sourcing.optimizer.part.LaminarGreedy;
import com.critmin.sourcing.optimizer.part.MaterialPart;
import com.critmin.sourcing.optimizer.part.ProblemCompiler;
import org.junit.jupiter.api.Test;

/**
 * Where the family is not laminar, plain greedy is wrong, and the optimizer must use the LP
 * instead.
 */
class FastPathNegativeControlTest {
  static final double TOLERANCE = 1e-6;
  private static final SourcingOptimizer optimizer = new SourcingOptimizer();

  /**
   * Plain greedy by price that respects every cap, as the fast path fills: exact only on laminar
   * families.
   */
  static double greedyCost(SourcingProblem problem) {
    MaterialPart part = new ProblemCompiler(problem).compile(problem.demands().get(0));
    return LaminarGreedy.relaxedObjective(part, LaminarGreedy.priceOrder(part), new int[0], 0.0);
  }

  /**
   * Supplier s spans CN and AU under a 50 % supplier cap, CN capped at 50 %. Greedy buys s-CN 50 at
   * 10, then s is full and CN is full, so it falls to US at 30: 500 + 1,500 = 2,000. The LP buys
   * s-AU 50 at 11 and t-CN 50 at 12: 550 + 600 = 1,150.
   */
  @Test
  void supplierSpanningTwoCountries() {
    SourcingProblem problem =
        aProblem()
            .demand("NDPR_OXIDE", 100)
            .maxSupplierShare(0.5)
            .countryLimit("CN", null, null, 0.5)
            .offer("s", "CN", 100, 10)
            .offer("s", "AU", 100, 11)
            .offer("t", "CN", 100, 12)
            .offer("u", "US", 100, 30)
            .build();
    MaterialPart part = new ProblemCompiler(problem).compile(new Demand("NDPR_OXIDE", 100));
    assertThat(LaminarGreedy.applies(part)).isFalse();
    assertThat(greedyCost(problem)).isCloseTo(2000, within(TOLERANCE));

    Solution s = optimizer.solve(problem);
    assertThat(s.solver().fastPathParts()).isZero();
    assertThat(s.solver().engine()).isEqualTo("GLOP");
    assertThat(s.totalCost()).isCloseTo(1150, within(TOLERANCE));
  }

  /**
   * Every country <= 50 % at SUPPLY and at SEPARATION: the SEPARATION rows cross the SUPPLY rows,
   * so the family is not laminar and the optimizer uses the LP.
   */
  @Test
  void separationStageCapUsesLp() {
    SourcingProblem problem =
        aProblem()
            .demand("NDPR_OXIDE", 100)
            .maxCountryShare(0.5)
            .offer("a", "CN", 100, 10)
            .origin("SEPARATION", "CN")
            .offer("b", "CN", 100, 11)
            .origin("SEPARATION", "MY")
            .offer("c", "AU", 100, 12)
            .origin("SEPARATION", "CN")
            .offer("d", "AU", 100, 20)
            .origin("SEPARATION", "MY")
            .build();
    // Greedy: a 50 (CN and sep-CN full), b and c blocked, d 50 at 20: 1,500.
    // LP: b 50 at 11 + c 50 at 12 = 1,150 (SUPPLY CN 50, AU 50; SEP MY 50, CN 50).
    assertThat(greedyCost(problem)).isCloseTo(1500, within(TOLERANCE));
    Solution s = optimizer.solve(problem);
    assertThat(s.solver().fastPathParts()).isZero();
    assertThat(s.totalCost()).isCloseTo(1150, within(TOLERANCE));
  }
}
