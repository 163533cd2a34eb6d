package com.critmin.sourcing.error;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** Every response carries X-Request-Id (the caller's, or a new one); problem documents name it. */
@QuarkusTest
class RequestIdTest {
  private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  @Test
  void callersIdIsEchoed() {
    given()
        .header("X-Request-Id", "erp-sync-42")
        .when()
        .get("/v1/materials")
        .then()
        .statusCode(200)
        .header("X-Request-Id", equalTo("erp-sync-42"));
  }

  @Test
  void aNewIdWhenTheCallerGivesNoneOrAnUnusableOne() {
    given().when().get("/v1/materials").then().header("X-Request-Id", matchesPattern(UUID));
    given()
        .header("X-Request-Id", "two words\u00e9")
        .when()
        .get("/q/health/live")
        .then()
        .statusCode(200)
        .header("X-Request-Id", matchesPattern(UUID));
    Response first = given().when().get("/v1/materials");
    Response second = given().when().get("/v1/materials");
    assertThat(first.header("X-Request-Id")).isNotEqualTo(second.header("X-Request-Id"));
  }

  @Test
  void problemDocumentsCarryTheRequestId() {
    given()
        .header("X-Request-Id", "trace-404")
        .when()
        .get("/v1/materials/NO_SUCH_MATERIAL")
        .then()
        .statusCode(404)
        .header("X-Request-Id", equalTo("trace-404"))
        .body("requestId", equalTo("trace-404"));
    Response invalid =
        given()
            .contentType(ContentType.JSON)
            .body("{\"name\": \"\"}")
            .when()
            .put("/v1/materials/BAD");
    invalid.then().statusCode(422).body("requestId", equalTo(invalid.header("X-Request-Id")));
  }
}
