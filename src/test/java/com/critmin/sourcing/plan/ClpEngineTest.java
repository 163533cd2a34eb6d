package com.critmin.sourcing.plan;

import static com.critmin.sourcing.plan.PlanRequestBuilder.aPlanRequest;
import static com.critmin.sourcing.testsupport.Api.request;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** sourcing.solver.engine=CLP solves LP parts with CLP, to the same optimum. */
@QuarkusTest
@TestProfile(ClpEngineTest.Clp.class)
class ClpEngineTest {

  /** The CLP engine. */
  public static class Clp implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("sourcing.solver.engine", "CLP");
    }
  }

  @Test
  void clpSolvesTheSamePlan() {
    // A SEPARATION-stage cap makes the material non-laminar, so it is solved as an LP, here by CLP.
    var request =
        aPlanRequest()
            .demand("NDPR_OXIDE", 1000)
            .offer("cn-1", "cn", "CN", 900, 69, Map.of("SEPARATION", "CN"))
            .offer("lynas", "lynas-s", "MY", 500, 82.5, Map.of("SEPARATION", "MY"))
            .policy(
                "countryLimits",
                java.util.List.of(Map.of("country", "CN", "stage", "SEPARATION", "maxShare", 0.6)))
            .build();
    request()
        .contentType(ContentType.JSON)
        .body(request)
        .when()
        .post("/v1/allocation-plans")
        .then()
        .statusCode(201)
        .body("status", equalTo("OPTIMAL"))
        .body("solver.engine", equalTo("CLP"))
        .body("totalCost", closeTo(600 * 69 + 400 * 82.5, 1e-6));
  }
}
