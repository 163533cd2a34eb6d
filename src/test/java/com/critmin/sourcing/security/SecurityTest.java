package com.critmin.sourcing.security;

import static com.critmin.sourcing.testsupport.Api.PROBLEM_JSON;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Authentication on: bearer JWTs verified against a key, issuer and audience; sourcing-admin writes
 * master data, sourcing-planner plans, both read master data; the operational endpoints stay open.
 */
@QuarkusTest
@TestProfile(SecurityTest.AuthOn.class)
class SecurityTest {

  /** Authentication on, with the test key pair's public half. */
  public static class AuthOn implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Tokens.verification();
    }
  }

  private static final String PLAN =
      """
      {"demand": [{"material": "NDPR_OXIDE", "quantity": 100}],
       "offers": [{"id": "cn", "material": "NDPR_OXIDE", "supplier": {"id": "cn", "country": "CN"},
                   "capacity": 100, "unitPrice": 70}]}""";

  @Test
  void operationalEndpointsStayOpen() {
    given().when().get("/q/health/ready").then().statusCode(200);
    given().when().get("/q/health/live").then().statusCode(200);
    given().when().get("/q/metrics").then().statusCode(200);
    given()
        .when()
        .get("/q/openapi?format=json")
        .then()
        .statusCode(200)
        .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
        .body("components.securitySchemes.bearer.bearerFormat", equalTo("JWT"))
        .body("security[0].bearer", org.hamcrest.Matchers.empty());
  }

  @Test
  void requestWithoutTokenIs401() {
    unauthorized(given().when().get("/v1/materials").then());
  }

  @Test
  void invalidTokensAre401() {
    for (String token :
        new String[] {
          "not-a-jwt",
          "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl",
          Tokens.forged(),
          Tokens.expired(),
          Tokens.notYetValid(),
          Tokens.ofIssuer("https://someone-else.test"),
          Tokens.forAudience("another-service")
        }) {
      unauthorized(given().auth().oauth2(token).when().get("/v1/materials").then())
          .header("WWW-Authenticate", org.hamcrest.Matchers.containsString("invalid_token"));
    }
  }

  @Test
  void bothRolesReadMasterData() {
    as("sourcing-planner").when().get("/v1/materials").then().statusCode(200);
    as("sourcing-admin").when().get("/v1/materials").then().statusCode(200);
    as("sourcing-planner").when().get("/v1/policy-presets").then().statusCode(200);
  }

  @Test
  void onlyTheAdminWritesMasterData() {
    String id = "SEC_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    String material = "{\"name\": \"Security test oxide\", \"unit\": \"t\"}";
    forbidden(
        as("sourcing-planner")
            .contentType(ContentType.JSON)
            .body(material)
            .when()
            .put("/v1/materials/" + id)
            .then());
    as("sourcing-admin")
        .contentType(ContentType.JSON)
        .body(material)
        .when()
        .put("/v1/materials/" + id)
        .then()
        .statusCode(201);
    forbidden(as("sourcing-planner").when().delete("/v1/materials/" + id).then());
    as("sourcing-admin").when().delete("/v1/materials/" + id).then().statusCode(204);
  }

  @Test
  void onlyThePlannerPlans() {
    forbidden(
        as("sourcing-admin")
            .contentType(ContentType.JSON)
            .body(PLAN)
            .when()
            .post("/v1/allocation-plans")
            .then());
    String id =
        as("sourcing-planner")
            .contentType(ContentType.JSON)
            .body(PLAN)
            .when()
            .post("/v1/allocation-plans")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    as("sourcing-planner").when().get("/v1/allocation-plans/" + id).then().statusCode(200);
    forbidden(as("sourcing-admin").when().get("/v1/allocation-plans/" + id).then());
    forbidden(as("someone-else").when().get("/v1/allocation-plans").then());
  }

  private static RequestSpecification as(String role) {
    return given().auth().oauth2(Tokens.valid(role));
  }

  private static ValidatableResponse unauthorized(ValidatableResponse response) {
    return response
        .statusCode(401)
        .contentType(PROBLEM_JSON)
        .header("WWW-Authenticate", startsWith("Bearer"))
        .body("type", equalTo("https://sourcing.critmin.com/problems/unauthorized"))
        .body("status", equalTo(401));
  }

  private static void forbidden(ValidatableResponse response) {
    response
        .statusCode(403)
        .contentType(PROBLEM_JSON)
        .header("WWW-Authenticate", startsWith("Bearer"))
        .body("type", equalTo("https://sourcing.critmin.com/problems/forbidden"))
        .body("status", equalTo(403));
  }
}
