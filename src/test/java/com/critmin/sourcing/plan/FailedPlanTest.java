package com.critmin.sourcing.plan;

import static com.critmin.sourcing.plan.PlanRequestBuilder.aPlanRequest;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A solver that fails gives a stored FAILED plan with a problem-free explanation, never a 500. */
@QuarkusTest
class FailedPlanTest {

  @AfterEach
  void restoreSolverParameters() {
    System.clearProperty("optimizer.glop.params");
  }

  @Test
  void solverFailureIsAFailedPlan() {
    // Parameters GLOP cannot parse make the engine refuse the model.
    System.setProperty("optimizer.glop.params", "this is not a parameter message");
    var request =
        aPlanRequest()
            .demand("NDPR_OXIDE", 100)
            .offer("cn", "cn-s", "CN", 100, 70, Map.of("SEPARATION", "CN"))
            .offer("au", "au-s", "AU", 100, 80, Map.of("SEPARATION", "MY"))
            .policy(
                "countryLimits",
                List.of(Map.of("country", "CN", "stage", "SEPARATION", "maxShare", 0.6)))
            .build();
    String location =
        given()
            .contentType(ContentType.JSON)
            .body(request)
            .when()
            .post("/v1/allocation-plans")
            .then()
            .statusCode(201)
            .body("status", equalTo("FAILED"))
            .body("failure", containsString("logged under plan id"))
            .body("inputDigest", notNullValue())
            .extract()
            .header("Location");
    given()
        .when()
        .get(location)
        .then()
        .statusCode(200)
        .body("status", equalTo("FAILED"))
        .body(not(containsString("Exception")));
  }
}
