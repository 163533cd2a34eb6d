package com.critmin.sourcing.plan;

import static com.critmin.sourcing.plan.PlanRequestBuilder.aPlanRequest;
import static com.critmin.sourcing.testsupport.Api.json;
import static com.critmin.sourcing.testsupport.Api.request;
import static com.critmin.sourcing.testsupport.Api.uniqueId;
import static com.critmin.sourcing.testsupport.Fixtures.givenPolicy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Plan lists filtered by demanded material, by policy and by the client's reference. */
@QuarkusTest
class PlanListFiltersTest {
  private static final String PLANS = "/v1/allocation-plans";

  @Test
  void materialKeepsThePlansThatDemandIt() {
    String material = uniqueId("M").toUpperCase(java.util.Locale.ROOT);
    String both =
        solve(
            aPlanRequest().demand(material, 1).offer("a", "AU", 5, 1).demand("OTHER", 1).build(),
            null);
    String other = solve(aPlanRequest().demand("OTHER", 1).offer("b", "AU", 5, 1).build(), null);
    request()
        .get(PLANS + "?material=" + material)
        .then()
        .statusCode(200)
        .body("items.id", contains(both));
    request()
        .get(PLANS + "?material=" + material + "X")
        .then()
        .statusCode(200)
        .body("items", empty());
    request()
        .get(PLANS + "?material=OTHER&limit=1000")
        .then()
        .statusCode(200)
        .body("items.id", org.hamcrest.Matchers.hasItems(both, other));
  }

  @Test
  void policyIdKeepsThePlansSolvedUnderIt() {
    String policy = givenPolicy();
    String under = solve(aPlanRequest().demand("NDPR", 1).offer("a", "AU", 5, 1).build(), policy);
    solve(aPlanRequest().demand("NDPR", 1).offer("a", "AU", 5, 1).build(), null);
    request()
        .get(PLANS + "?policyId=" + policy)
        .then()
        .statusCode(200)
        .body("items.id", contains(under));
  }

  @Test
  void referenceKeepsThePlansThatCarryIt() {
    String reference = uniqueId("REQ-2026");
    Map<String, Object> request =
        new java.util.LinkedHashMap<>(
            aPlanRequest().demand("NDPR", 1).offer("a", "AU", 5, 1).build());
    request.put("reference", reference);
    String first = json(request).post(PLANS).then().statusCode(201).extract().path("id");
    // An asynchronous plan keeps its reference too.
    String second =
        json(request)
            .header("Prefer", "respond-async")
            .post(PLANS)
            .then()
            .statusCode(202)
            .extract()
            .path("id");
    solve(aPlanRequest().demand("NDPR", 1).offer("a", "AU", 5, 1).build(), null);
    request()
        .get(PLANS + "?reference=" + reference)
        .then()
        .statusCode(200)
        .body("items.id", contains(second, first));
    request()
        .get(PLANS + "?reference=" + reference + "&limit=1")
        .then()
        .statusCode(200)
        .body("items.id", contains(second));
    request()
        .get(PLANS + "?reference=" + reference + "X")
        .then()
        .statusCode(200)
        .body("items", empty());
  }

  private static String solve(Map<String, Object> body, String policyId) {
    Map<String, Object> request = new java.util.LinkedHashMap<>(body);
    if (policyId != null) {
      request.put("policyId", policyId);
    }
    return json(request).post(PLANS).then().statusCode(201).extract().path("id");
  }
}
