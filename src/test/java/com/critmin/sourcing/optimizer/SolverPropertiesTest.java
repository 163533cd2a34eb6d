package com.critmin.sourcing.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.critmin.sourcing.optimizer.model.Engine;
import com.critmin.sourcing.optimizer.model.Solution;
import com.critmin.sourcing.optimizer.model.SourcingProblem;
import com.critmin.sourcing.optimizer.model.Status;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every plan on random instances satisfies the model; engines and the fast path agree on the
 * optimum. Each case is one seed of {@link RandomProblems}: a failure names its seed and reruns
 * exactly.
 */
class SolverPropertiesTest {
  static final double TOLERANCE = 1e-6;
  private static final SourcingOptimizer optimizer = new SourcingOptimizer();

  static double relative(double value) {
    return TOLERANCE * Math.max(1.0, Math.abs(value));
  }

  static LongStream generalSeeds() {
    return LongStream.range(0, 1000);
  }

  static LongStream laminarSeeds() {
    return LongStream.range(0, 3000);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("generalSeeds")
  void glopAndClpGivePlansThatSatisfyTheModelAtTheSameCost(long seed) {
    SourcingProblem glopProblem = RandomProblems.general(seed, Engine.GLOP, true);
    SourcingProblem clpProblem = RandomProblems.general(seed, Engine.CLP, false);
    assertThat(ProblemValidator.validate(glopProblem)).isEmpty();

    Solution glop = optimizer.solve(glopProblem);
    Solution clp = optimizer.solve(clpProblem);

    assertThat(glop.status()).isIn(Status.OPTIMAL, Status.INFEASIBLE);
    assertThat(clp.status()).isEqualTo(glop.status());
    if (glop.status() == Status.OPTIMAL) {
      double glopObjective = PlanChecker.check(glopProblem, glop);
      double clpObjective = PlanChecker.check(clpProblem, clp);
      assertThat(clpObjective).isCloseTo(glopObjective, within(relative(glopObjective)));
    } else {
      assertThat(glop.diagnosis()).isNotNull();
      assertThat(glop.diagnosis().materials()).isNotEmpty();
      assertThat(glop.diagnosis().relaxations()).isNotEmpty();
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("laminarSeeds")
  void greedyEqualsLpOnLaminarInstances(long seed) {
    SourcingProblem greedyProblem = RandomProblems.laminar(seed, true);
    SourcingProblem lpProblem = RandomProblems.laminar(seed, false);

    Solution greedy = optimizer.solve(greedyProblem);
    Solution lp = optimizer.solve(lpProblem);

    assertThat(greedy.solver().fastPathParts()).isEqualTo(1);
    assertThat(greedy.status()).isEqualTo(lp.status());
    if (lp.status() == Status.OPTIMAL) {
      double greedyObjective = PlanChecker.check(greedyProblem, greedy);
      double lpObjective = PlanChecker.check(lpProblem, lp);
      assertThat(greedyObjective).isCloseTo(lpObjective, within(relative(lpObjective)));
    }
  }
}
