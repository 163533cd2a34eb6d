package com.critmin.sourcing.plan;

import static com.critmin.sourcing.plan.PlanRequestBuilder.aPlanRequest;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.critmin.sourcing.testsupport.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Request limits with small configured values: too many offers is 422, too large a body 413. */
@QuarkusTest
@TestProfile(PlanRequestLimitsTest.SmallLimits.class)
class PlanRequestLimitsTest {

  /** Five offers per plan, 4 KB bodies. */
  public static class SmallLimits implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("sourcing.plans.max-offers", "5", "quarkus.http.limits.max-body-size", "4K");
    }
  }

  @Test
  void moreOffersThanTheMaximumIs422() {
    var request = aPlanRequest().demand("A", 1);
    for (int i = 0; i < 6; i++) {
      request.offer("o" + i, "CN", 1, 1);
    }
    given()
        .contentType(ContentType.JSON)
        .body(request.build())
        .when()
        .post("/v1/allocation-plans")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("offers"));
  }

  @Test
  void moreStoredOffersThanTheMaximumIs422() {
    String suffix = java.util.UUID.randomUUID().toString().substring(0, 8);
    String material = "M-" + suffix;
    put("/v1/materials/" + material, Map.of("name", "m", "unit", "t"));
    put("/v1/suppliers/s-" + suffix, Map.of("name", "s", "country", "AU"));
    for (int i = 0; i < 6; i++) {
      put(
          "/v1/offers/o" + i + "-" + suffix,
          Map.of(
              "supplierId",
              "s-" + suffix,
              "material",
              material,
              "capacity",
              1,
              "unitPrice",
              1,
              "currency",
              "USD"));
    }
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("demand", java.util.List.of(Map.of("material", material, "quantity", 1))))
        .when()
        .post("/v1/allocation-plans")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("demand"));
  }

  private static void put(String path, Object body) {
    given().contentType(ContentType.JSON).body(body).when().put(path).then().statusCode(201);
  }

  @Test
  void aBodyOverTheLimitIs413WithAProblemDocument() {
    String padding = "x".repeat(5000);
    given()
        .contentType(ContentType.JSON)
        .header("X-Request-Id", "erp-run-413")
        .body("{\"demand\": [], \"pad\": \"" + padding + "\"}")
        .when()
        .post("/v1/allocation-plans")
        .then()
        .statusCode(413)
        .contentType("application/problem+json")
        .header("X-Request-Id", "erp-run-413")
        .body("status", equalTo(413))
        .body("requestId", equalTo("erp-run-413"))
        .body("detail", containsString("limit"));
  }

  @Test
  void aChunkedBodyOverTheLimitIs413WithAProblemDocument() throws Exception {
    RawHttp.Answer answer =
        RawHttp.postChunked("/v1/allocation-plans", "application/json", 64 * 1024);
    org.assertj.core.api.Assertions.assertThat(answer.status()).isEqualTo(413);
    org.assertj.core.api.Assertions.assertThat(answer.headers().get("content-type"))
        .isEqualTo("application/problem+json");
    org.assertj.core.api.Assertions.assertThat(answer.body())
        .contains(
            "\"status\":413",
            "payload-too-large",
            "limit",
            "\"instance\":\"/v1/allocation-plans\"");
    org.assertj.core.api.Assertions.assertThat(answer.headers().get("x-request-id")).isNotBlank();
    org.assertj.core.api.Assertions.assertThat(answer.body())
        .contains("\"requestId\":\"" + answer.headers().get("x-request-id") + "\"");
  }
}
