package com.critmin.sourcing.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.critmin.sourcing.optimizer.model.Engine;
import com.critmin.sourcing.optimizer.model.Solution;
import com.critmin.sourcing.optimizer.model.SourcingProblem;
import com.critmin.sourcing.optimizer.model.Status;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Every plan on random instances satisfies the model; engines and the fast path agree on the
 * optimum.
 */
class SolverPropertiesTest {
  static final double TOLERANCE = 1e-6;
  private final SourcingOptimizer optimizer = new SourcingOptimizer();

  static double relative(double value) {
    return TOLERANCE * Math.max(1.0, Math.abs(value));
  }

  @Property(tries = 1000)
  void glopAndClpGivePlansThatSatisfyTheModelAtTheSameCost(@ForAll long seed) {
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

  @Property(tries = 3000)
  void greedyEqualsLpOnLaminarInstances(@ForAll long seed) {
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
