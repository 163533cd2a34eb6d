package com.critmin.sourcing.plan;

import static com.critmin.sourcing.plan.PlanRequestBuilder.aPlanRequest;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Prefer: respond-async: 202 with a PENDING plan, which moves to its final status in the
 * background.
 */
@QuarkusTest
class AsyncPlanTest {

  @Test
  void asyncPlanIsAcceptedThenSolved() throws InterruptedException {
    var request =
        aPlanRequest()
            .demand("NDPR_OXIDE", 100)
            .offer("cn", "CN", 100, 70)
            .offer("au", "AU", 100, 80)
            .maxCountryShare(0.6)
            .build();
    Response accepted =
        given()
            .contentType(ContentType.JSON)
            .header("Prefer", "respond-async")
            .body(request)
            .when()
            .post("/v1/allocation-plans");
    accepted
        .then()
        .statusCode(202)
        .header("Location", containsString("/v1/allocation-plans/"))
        .header("Preference-Applied", equalTo("respond-async"))
        .body("status", oneOf("PENDING", "RUNNING", "OPTIMAL"));

    String location = accepted.header("Location");
    String status = "PENDING";
    for (int i = 0;
        i < 200 && !Set.of("OPTIMAL", "INFEASIBLE", "TIME_LIMIT", "FAILED").contains(status);
        i++) {
      Thread.sleep(50);
      status = given().when().get(location).then().statusCode(200).extract().path("status");
    }
    assertThat(status).isEqualTo("OPTIMAL");
    double totalCost =
        given().when().get(location).then().extract().jsonPath().getDouble("totalCost");
    assertThat(totalCost).isCloseTo(60 * 70 + 40 * 80, org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void invalidAsyncRequestIsRejectedAtOnce() {
    given()
        .contentType(ContentType.JSON)
        .header("Prefer", "respond-async")
        .body(aPlanRequest().demand("A", -1).build())
        .when()
        .post("/v1/allocation-plans")
        .then()
        .statusCode(422)
        .contentType("application/problem+json");
  }
}
