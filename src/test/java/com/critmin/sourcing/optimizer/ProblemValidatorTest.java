package com.critmin.sourcing.optimizer;

import static com.critmin.sourcing.optimizer.ProblemBuilder.aProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.critmin.sourcing.optimizer.model.Demand;
import com.critmin.sourcing.optimizer.model.Factor;
import com.critmin.sourcing.optimizer.model.GroupLimit;
import com.critmin.sourcing.optimizer.model.Limits;
import com.critmin.sourcing.optimizer.model.OfferInput;
import com.critmin.sourcing.optimizer.model.Scenario;
import com.critmin.sourcing.optimizer.model.SourcingProblem;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProblemValidatorTest {

  @Test
  void aBuiltProblemIsValid() {
    assertThat(
            ProblemValidator.validate(
                aProblem().demand("NDPR_OXIDE", 10).offer("a", "AU", 5, 1).build()))
        .isEmpty();
  }

  @Test
  void reportsEveryBrokenInvariant() {
    SourcingProblem problem =
        new SourcingProblem(
            List.of(
                new OfferInput("o1", "s", "M", "AU", -1, Double.NaN),
                new OfferInput("o1", "s", "M", "AU", 1, 1)),
            List.of(new Demand("M", 10), new Demand("M", Double.POSITIVE_INFINITY)),
            new Limits(
                1.5,
                null,
                // A minimum above the maximum is the API's rule: the LP is merely infeasible.
                List.of(new GroupLimit("EU", Set.of("DE"), 0.2, 1.3, null, null)),
                null,
                null),
            new Scenario(null, null, List.of(new Factor("o1", "s", null, 1)), null),
            false,
            null,
            "USD",
            null);

    assertThat(ProblemValidator.validate(problem))
        .extracting(Violation::field)
        .containsExactlyInAnyOrder(
            "offers[0].capacity",
            "offers[0].unitPrice",
            "offers[1].id",
            "demands[1].material",
            "demands[1].quantity",
            "limits.maxCountryShare",
            "limits.groupLimits[0].minShare",
            "scenario.capacityFactors[0]");
  }
}
