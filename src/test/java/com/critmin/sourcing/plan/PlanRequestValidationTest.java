package com.critmin.sourcing.plan;

import static com.critmin.sourcing.plan.PlanRequestBuilder.aPlanRequest;
import static com.critmin.sourcing.testsupport.Api.assertProblem;
import static com.critmin.sourcing.testsupport.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each rule of a plan request is checked in one place, so each mistake is named once, by the
 * request's own field, and every mistake of a request is reported in one answer.
 */
@QuarkusTest
class PlanRequestValidationTest {

  private static JsonPath rejected(Object request) {
    return assertProblem(json(request).post("/v1/allocation-plans").then(), 422, "validation")
        .extract()
        .jsonPath();
  }

  private static List<String> fields(JsonPath problem) {
    return problem.getList("errors.field", String.class);
  }

  @Test
  void aDuplicateDemandLineIsNamedOnce() {
    JsonPath problem =
        rejected(
            aPlanRequest()
                .demand("A", 1)
                .offer("o", "CN", 5, 1)
                .demand("B", 1)
                .demand("A", 2)
                .build());

    assertThat(fields(problem)).containsExactly("demand[2].material");
    assertThat(problem.getString("errors[0].message")).contains("'A'");
  }

  @Test
  void aDuplicateOfferIdIsNamedOnceByItsPlaceInTheRequest() {
    // offers[0] has a field error and is left out; the duplicate is still offers[2], not [1].
    JsonPath problem =
        rejected(
            aPlanRequest()
                .demand("A", 1)
                .offer("bad", "CN", -5, 1)
                .offer("o", "CN", 5, 1)
                .offer("o", "other-supplier", "AU", 5, 1, Map.of())
                .build());

    assertThat(fields(problem)).containsExactlyInAnyOrder("offers[0].capacity", "offers[2].id");
    assertThat(problem.getList("errors.message", String.class))
        .containsOnlyOnce("duplicate offer id 'o'");
  }

  @Test
  void offerIdsAreUniqueAcrossMaterialsThatAreNotDemanded() {
    Map<String, Object> request =
        aPlanRequest()
            .demand("A", 1)
            .offer("o", "CN", 5, 1)
            .demand("B", 0)
            .offer("o", "other-supplier", "AU", 5, 1, Map.of())
            .build();
    // B's offer is not solved when B is not demanded; its id still clashes.
    @SuppressWarnings("unchecked")
    List<Object> demand = (List<Object>) request.get("demand");
    demand.remove(1);

    assertThat(fields(rejected(request))).containsExactly("offers[1].id");
  }

  @Test
  void aFactorNamingTwoTargetsIsNamedOnce() {
    JsonPath problem =
        rejected(
            aPlanRequest()
                .demand("A", 1)
                .offer("o", "CN", 5, 1)
                .scenario(
                    "capacityFactors",
                    List.of(
                        Map.of("country", "CN", "factor", 0.5),
                        Map.of("country", "AU", "offer", "o", "factor", 2)))
                .build());

    assertThat(fields(problem)).containsExactly("scenario.capacityFactors[1]");
  }

  @Test
  void aGroupWithMinimumAboveMaximumIsNamedOnce() {
    JsonPath problem =
        rejected(
            aPlanRequest()
                .demand("A", 1)
                .offer("o", "CN", 5, 1)
                .policy(
                    "groupLimits", List.of(Map.of("group", "EU", "maxShare", 0.2, "minShare", 0.5)))
                .build());

    assertThat(fields(problem)).containsExactly("policy.groupLimits[0].minShare");
  }

  @Test
  void mistakesOfEveryPartOfTheRequestAreReportedTogether() {
    JsonPath problem =
        rejected(
            aPlanRequest()
                .demand("A", 1)
                .demand("A", 1)
                .offer("o", "CN", 5, 1)
                .with("policyId", "no-such-policy")
                .policy("groupLimits", List.of(Map.of("group", "NO_SUCH_GROUP", "maxShare", 0.2)))
                .policy(
                    "countryLimits",
                    List.of(Map.of("country", "CN", "stage", "SEPERATION", "maxShare", 0.1)))
                .scenario("unavailableSuppliers", List.of("nobody"))
                .scenario(
                    "priceFactors",
                    List.of(
                        Map.of("country", "CN", "factor", 1.1),
                        Map.of("country", "CN", "factor", 1.2)))
                .build());

    assertThat(fields(problem))
        .containsExactlyInAnyOrder(
            "policyId",
            "policy.groupLimits[0].group",
            "policy.countryLimits[0].stage",
            "scenario.priceFactors[1]",
            "demand[1].material");
  }
}
