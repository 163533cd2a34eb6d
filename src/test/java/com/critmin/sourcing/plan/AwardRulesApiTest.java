package com.critmin.sourcing.plan;

import static com.critmin.sourcing.testsupport.Api.request;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Award rules through the API: minimum orders, lots, fixed costs and supplier counts in stateless
 * and stored mode, their figures in the plan, and what bad rules get.
 */
@QuarkusTest
class AwardRulesApiTest {
  static final double TOLERANCE = 1e-6;

  static Response post(Object body) {
    return request().contentType(ContentType.JSON).body(body).when().post("/v1/allocation-plans");
  }

  private static Map<String, Object> offer(
      String id, String supplier, String country, double capacity, double price) {
    Map<String, Object> offer = new HashMap<>();
    offer.put("id", id);
    offer.put("material", "NDPR_OXIDE");
    offer.put("supplier", Map.of("id", supplier, "country", country));
    offer.put("capacity", capacity);
    offer.put("unitPrice", price);
    return offer;
  }

  /** A problem of 100 t of NDPR_OXIDE under {@code policy}, to add analysis parameters to. */
  private static Map<String, Object> hundredTonnes(
      Map<String, Object> policy, List<Map<String, Object>> offers) {
    Map<String, Object> body = new HashMap<>();
    body.put("demand", List.of(Map.of("material", "NDPR_OXIDE", "quantity", 100, "unit", "t")));
    body.put("policy", policy);
    body.put("offers", offers);
    return body;
  }

  @Test
  void statelessPlanHonoursEveryRuleAndPricesThem() {
    Map<String, Object> lynas = offer("lynas-ndpr", "lynas", "AU", 100, 80);
    lynas.put("minQuantity", 50);
    Map<String, Object> mp = offer("mp-ndpr", "mp", "US", 100, 90);
    mp.put("lotSize", 10);
    Map<String, Object> neo = offer("neo-ndpr", "neo", "EE", 100, 85);
    neo.put("supplier", Map.of("id", "neo", "country", "EE", "fixedCost", 1000));
    var body =
        Map.of(
            "demand",
            List.of(Map.of("material", "NDPR_OXIDE", "quantity", 30, "unit", "t")),
            "policy",
            Map.of("maxSuppliers", 1),
            "offers",
            List.of(lynas, mp, neo));
    // lynas needs 50 t of a 30 t demand, neo costs 1,000 USD to qualify: mp's 3 lots of 10 t.
    post(body)
        .then()
        .statusCode(201)
        .body("status", equalTo("OPTIMAL"))
        .body("totalCost", closeTo(2700, TOLERANCE))
        .body("fixedCosts", closeTo(0, TOLERANCE))
        .body("allocations", hasSize(1))
        .body("allocations[0].offerId", equalTo("mp-ndpr"))
        .body("materials[0].awardedSuppliers", contains("mp"))
        .body("solver.engine", equalTo("SCIP"))
        .body("solver.mipGap", closeTo(0, 1e-6))
        .body("solver.bestBound", notNullValue())
        .body(
            "ruleCosts.explanation",
            hasItem("the 50 t minimum order on lynas-ndpr costs 300.00 USD"));
  }

  @Test
  void theSwaggerExampleRuns() {
    post(com.critmin.sourcing.plan.api.AllocationPlanResource.AWARD_RULES_EXAMPLE)
        .then()
        .statusCode(201)
        .body("status", equalTo("OPTIMAL"))
        .body("materials[0].awardedSuppliers", contains("cnre", "mp"))
        .body("allocations.find { it.offerId == 'cn-1' }.quantity", closeTo(650, TOLERANCE))
        .body("fixedCosts", closeTo(400_000, TOLERANCE))
        .body("totalCost", closeTo(650 * 69_000 + 350 * 80_000 + 400_000, TOLERANCE))
        .body(
            "ruleCosts.explanation",
            hasItem("the fixed cost of mp (400,000.00 USD) costs 400,000.00 USD"));
  }

  /**
   * 100 t of NDPR_OXIDE: CN at 1, AU at 2 with a 40 t minimum order, US at 3; at most two
   * suppliers. Capping every country at a level, the cheapest award is CN at the cap and AU's at
   * least 40 t for the rest: 0.7 costs 60 + 80 = 140 (the LP would say 130: the minimum leaves the
   * cap slack), 0.55 costs 55 + 90 = 145, 0.5 costs 150; below 0.5 two suppliers cannot cover 100
   * t.
   */
  @Test
  void frontiersSolveEachLevelUnderTheRules() {
    Map<String, Object> au = offer("au", "au", "AU", 100, 2);
    au.put("minQuantity", 40);
    Map<String, Object> body =
        hundredTonnes(
            Map.of("maxSuppliers", 2),
            List.of(offer("cn", "cn", "CN", 100, 1), au, offer("us", "us", "US", 100, 3)));
    body.put("vary", Map.of("kind", "MAX_COUNTRY_SHARE"));
    body.put("levels", List.of(1.0, 0.7, 0.55, 0.5, 0.45));
    request()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/v1/frontiers")
        .then()
        .statusCode(201)
        .body("status", equalTo("COMPLETED"))
        .body("minFeasibleLevel", closeTo(0.5, TOLERANCE))
        .body(
            "points.totalCost",
            contains(
                closeTo(100, TOLERANCE),
                closeTo(140, TOLERANCE),
                closeTo(145, TOLERANCE),
                closeTo(150, TOLERANCE),
                nullValue()))
        .body("points[1].marginalCostPerPoint", closeTo(0, TOLERANCE))
        // Tightening 0.55 by a point moves 1 t from CN (1) to AU (2).
        .body("points[2].marginalCostPerPoint", closeTo(1, TOLERANCE))
        .body("points[4].status", equalTo("INFEASIBLE"))
        .body("points[4].uncovered[0].coverableFromLevel", closeTo(0.5, TOLERANCE))
        .body("breakpoints", hasSize(0));
  }

  /**
   * Capped at 65 % a country, the baseline buys 60 t CN and AU's 40 t minimum (140); without CN,
   * AU's 65 t and 35 t from US, whose fixed cost of 50 is then paid (285); without AU, 65 t CN and
   * 35 t US (220).
   */
  @Test
  void stressTestsSolveEachShockUnderTheRules() {
    Map<String, Object> au = offer("au", "au", "AU", 100, 2);
    au.put("minQuantity", 40);
    Map<String, Object> us = offer("us", "us", "US", 100, 3);
    us.put("supplier", Map.of("id", "us", "country", "US", "fixedCost", 50));
    var body =
        hundredTonnes(
            Map.of("maxCountryShare", 0.65), List.of(offer("cn", "cn", "CN", 100, 1), au, us));
    request()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/v1/stress-tests")
        .then()
        .statusCode(201)
        .body("status", equalTo("COMPLETED"))
        .body("baseline.totalCost", closeTo(140, TOLERANCE))
        .body("shocks.label", contains("CN", "AU"))
        .body("shocks[0].totalCost", closeTo(285, TOLERANCE))
        .body("shocks[1].totalCost", closeTo(220, TOLERANCE))
        .body("shocks[1].costDelta", closeTo(80, TOLERANCE));
  }

  /**
   * Two suppliers must be awarded: losing CN leaves one, which no shortfall can mend. That shock
   * ranks first, INFEASIBLE, without a cost or delta (not "100 % cheaper"), naming the rule.
   */
  @Test
  void aShockTheRulesCannotSurviveRanksFirstWithoutACost() {
    Map<String, Object> body =
        hundredTonnes(
            Map.of("minSuppliers", 2),
            List.of(offer("cn", "cn", "CN", 100, 1), offer("au", "au", "AU", 100, 2)));
    body.put(
        "shocks", List.of(Map.of("country", "AU", "capacityFactor", 0.5), Map.of("country", "CN")));
    Response created = request().contentType(ContentType.JSON).body(body).post("/v1/stress-tests");
    created
        .then()
        .statusCode(201)
        .body("shocks.label", contains("CN", "AU x0.5"))
        .body("shocks[0].status", equalTo("INFEASIBLE"))
        .body("shocks[0].totalCost", nullValue())
        .body("shocks[0].costDelta", nullValue())
        .body("shocks[0].costDeltaPercent", nullValue())
        .body("shocks[0].ruleConflicts[0].rule", equalTo("MIN_SUPPLIERS"))
        .body(
            "shocks[0].ruleConflicts[0].explanation",
            equalTo(
                "minSuppliers 2 for NDPR_OXIDE cannot be met: only 1 supplier remains after"
                    + " exclusions and the scenario"))
        .body("shocks[1].ruleConflicts", nullValue())
        .body("baseline.ruleConflicts", nullValue())
        .body("shocks[1].status", equalTo("OPTIMAL"));
    String csv =
        request()
            .accept("text/csv")
            .get("/v1/stress-tests/" + created.path("id"))
            .then()
            .statusCode(200)
            .extract()
            .asString();
    org.assertj.core.api.Assertions.assertThat(csv.split("\r\n")[2])
        .startsWith("1,CN,INFEASIBLE,,USD,,,");
    request()
        .accept("image/svg+xml")
        .get("/v1/stress-tests/" + created.path("id"))
        .then()
        .statusCode(200)
        .body(containsString("INFEASIBLE"));
  }

  /**
   * 400 offers of 150 suppliers with fixed costs, lots and minimum orders, 35 to 45 suppliers to
   * award, 1 ms to do it: out of time before any plan or bound, the answer is a TIME_LIMIT plan
   * without figures it does not have (a NaN gap once made it a 500).
   */
  @Test
  void aPlanOutOfTimeBeforeAnyAwardIsATimeLimitPlan() {
    java.util.Random r = new java.util.Random(11);
    String[] countries = {"AU", "US", "CA", "BR", "IN", "VN", "MY", "TH", "ZA", "KE"};
    List<Map<String, Object>> offers = new java.util.ArrayList<>();
    for (int i = 0; i < 400; i++) {
      int supplier = i % 150;
      Map<String, Object> offer =
          offer(
              "o" + i,
              "sup" + supplier,
              countries[supplier % countries.length],
              40 + r.nextInt(160),
              70_000 + r.nextInt(20_000));
      offer.put(
          "supplier",
          Map.of(
              "id",
              "sup" + supplier,
              "country",
              countries[supplier % countries.length],
              "fixedCost",
              10_000 * (1 + supplier % 60)));
      offer.put("lotSize", List.of(3, 7, 11, 13, 17).get(r.nextInt(5)));
      offer.put("minQuantity", List.of(25, 31, 37).get(r.nextInt(3)));
      offers.add(offer);
    }
    var body =
        Map.of(
            "demand",
            List.of(Map.of("material", "NDPR_OXIDE", "quantity", 7001)),
            "policy",
            Map.of("maxCountryShare", 0.2, "minSuppliers", 35, "maxSuppliers", 45),
            "offers",
            offers,
            "timeLimitSeconds",
            0.001);
    post(body)
        .then()
        .statusCode(201)
        .body("status", equalTo("TIME_LIMIT"))
        .body("solver.mipGap", nullValue())
        .body("solver.bestBound", nullValue());
  }

  @Test
  void plansWithoutRulesKeepTheirShape() {
    var body =
        Map.of(
            "demand",
            List.of(Map.of("material", "NDPR_OXIDE", "quantity", 30)),
            "offers",
            List.of(offer("lynas-ndpr", "lynas", "AU", 100, 80)));
    post(body)
        .then()
        .statusCode(201)
        .body("fixedCosts", nullValue())
        .body("ruleCosts", nullValue())
        .body("materials[0].awardedSuppliers", nullValue())
        .body("solver.mipGap", nullValue());
  }

  @Test
  void conflictingRulesAreNamed() {
    var body =
        Map.of(
            "demand",
            List.of(Map.of("material", "NDPR_OXIDE", "quantity", 30)),
            "policy",
            Map.of("minSuppliers", 3, "excludedCountries", List.of("CN")),
            "offers",
            List.of(
                offer("a", "a", "AU", 100, 80),
                offer("b", "b", "US", 100, 80),
                offer("c", "c", "CN", 100, 80)));
    post(body)
        .then()
        .statusCode(201)
        .body("status", equalTo("INFEASIBLE"))
        .body("diagnosis.ruleConflicts[0].rule", equalTo("MIN_SUPPLIERS"))
        .body(
            "diagnosis.ruleConflicts[0].explanation",
            containsString("only 2 suppliers remain after exclusions"));
  }

  @Test
  void badRulesAre422WithTheirFields() {
    Map<String, Object> bad = offer("a", "a", "AU", 100, 80);
    bad.put("minQuantity", -1);
    bad.put("lotSize", 0);
    Map<String, Object> other = offer("b", "a", "AU", 100, 80);
    other.put("supplier", Map.of("id", "a", "country", "AU", "fixedCost", 5));
    Map<String, Object> again = offer("c", "a", "AU", 100, 80);
    again.put("supplier", Map.of("id", "a", "country", "AU", "fixedCost", 6));
    var body =
        Map.of(
            "demand",
            List.of(Map.of("material", "NDPR_OXIDE", "quantity", 30)),
            "policy",
            Map.of("minSuppliers", 3, "maxSuppliers", 2),
            "offers",
            List.of(bad, other, again));
    post(body)
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("offers[0].minQuantity"))
        .body("errors.field", hasItem("offers[0].lotSize"))
        .body("errors.field", hasItem("offers[2].supplier.fixedCost"))
        .body("errors.field", hasItem("policy.minSuppliers"));
  }

  /**
   * Rules that could never be honoured as written are refused rather than leave an offer silently
   * unusable or a policy never usable: a minimum or lot above the capacity, a lot finer than the 6
   * decimals quantities keep, a decimal supplier count, an HHI cap beside supplier counts.
   */
  @Test
  void rulesThatCannotBeHonouredAreRefused() {
    Map<String, Object> high = offer("a", "a", "AU", 600, 80);
    high.put("minQuantity", 700);
    Map<String, Object> lot = offer("b", "b", "AU", 600, 80);
    lot.put("lotSize", 700);
    Map<String, Object> fine = offer("c", "c", "AU", 600, 80);
    fine.put("lotSize", 1e-9);
    post(Map.of(
            "demand",
            List.of(Map.of("material", "NDPR_OXIDE", "quantity", 30)),
            "offers",
            List.of(high, lot, fine)))
        .then()
        .statusCode(422)
        .body(
            "errors.field",
            contains("offers[0].minQuantity", "offers[1].lotSize", "offers[2].lotSize"));
    post(Map.of(
            "demand",
            List.of(Map.of("material", "NDPR_OXIDE", "quantity", 30)),
            "policy",
            Map.of("minSuppliers", 1.5),
            "offers",
            List.of(offer("d", "d", "AU", 600, 80))))
        .then()
        .statusCode(400)
        .body("errors.field", contains("policy.minSuppliers"));
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    request()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "supplierId",
                "lynas",
                "material",
                "NDPR_OXIDE",
                "capacity",
                600,
                "unitPrice",
                80,
                "currency",
                "USD",
                "minQuantity",
                700))
        .put("/v1/offers/high-" + suffix)
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("minQuantity"));
    request().get("/v1/offers/high-" + suffix).then().statusCode(404);
    request()
        .contentType(ContentType.JSON)
        .body(Map.of("name", "HHI and counts", "maxHhi", 5000, "minSuppliers", 2))
        .put("/v1/sourcing-policies/hhi-" + suffix)
        .then()
        .statusCode(422)
        .body("errors.field", contains("maxHhi"));
    request()
        .contentType(ContentType.JSON)
        .body(Map.of("name", "Half a supplier", "minSuppliers", 1.5))
        .put("/v1/sourcing-policies/half-" + suffix)
        .then()
        .statusCode(400)
        .body("errors.field", contains("minSuppliers"));
    request().get("/v1/sourcing-policies/half-" + suffix).then().statusCode(404);
  }

  @Test
  void storedModeReadsRulesFromMasterData() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String material = "NDPR-" + suffix;
    put("/v1/materials/" + material, Map.of("name", "NdPr oxide", "unit", "t"));
    put(
        "/v1/suppliers/cheap-" + suffix,
        Map.of("name", "Cheap", "country", "AU", "fixedCost", 5000));
    put("/v1/suppliers/dear-" + suffix, Map.of("name", "Dear", "country", "US"));
    request()
        .when()
        .get("/v1/suppliers/cheap-" + suffix)
        .then()
        .statusCode(200)
        .body("fixedCost", closeTo(5000, TOLERANCE));
    put(
        "/v1/offers/cheap-" + suffix,
        Map.of(
            "supplierId",
            "cheap-" + suffix,
            "material",
            material,
            "capacity",
            1000,
            "unitPrice",
            80,
            "currency",
            "USD",
            "minQuantity",
            100));
    put(
        "/v1/offers/dear-" + suffix,
        Map.of(
            "supplierId",
            "dear-" + suffix,
            "material",
            material,
            "capacity",
            1000,
            "unitPrice",
            90,
            "currency",
            "USD",
            "lotSize",
            50));
    request()
        .when()
        .get("/v1/offers/cheap-" + suffix)
        .then()
        .statusCode(200)
        .body("minQuantity", closeTo(100, TOLERANCE));
    put(
        "/v1/sourcing-policies/p-" + suffix,
        Map.of("name", "two suppliers", "minSuppliers", 2, "maxSuppliers", 2));
    // Two suppliers: the cheap one at least 100 t and its 5,000 USD, the dear one in 50 t lots.
    var body =
        Map.of(
            "demand",
            List.of(Map.of("material", material, "quantity", 1000)),
            "policyId",
            "p-" + suffix);
    post(body)
        .then()
        .statusCode(201)
        .body("status", equalTo("OPTIMAL"))
        .body("materials[0].awardedSuppliers", contains("cheap-" + suffix, "dear-" + suffix))
        .body(
            "allocations.find { it.offerId == 'dear-" + suffix + "' }.quantity",
            closeTo(50, TOLERANCE))
        .body("fixedCosts", closeTo(5000, TOLERANCE))
        .body("totalCost", closeTo(950 * 80 + 50 * 90 + 5000, TOLERANCE));
  }

  private static void put(String path, Object body) {
    request().contentType(ContentType.JSON).body(body).when().put(path).then().statusCode(201);
  }
}
