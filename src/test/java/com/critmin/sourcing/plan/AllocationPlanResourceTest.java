package com.critmin.sourcing.plan;

import static com.critmin.sourcing.plan.PlanRequestBuilder.aPlanRequest;
import static com.critmin.sourcing.testsupport.Api.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The plan resource end to end: both modes, every status, every error class. */
@QuarkusTest
class AllocationPlanResourceTest {
  static final double TOLERANCE = 1e-6;
  static final String PROBLEM = "application/problem+json";

  static Response post(Object body) {
    return request().contentType(ContentType.JSON).body(body).when().post("/v1/allocation-plans");
  }

  @Test
  void statelessPlanRespectsTheCountryCapAndPricesIt() {
    // CN is cheapest but capped at 65 % of 1000: 650 from CN at 69, 350 from MY at 82.5.
    var request =
        aPlanRequest()
            .demand("NDPR_OXIDE", 1000)
            .offer("cn-1", "CN", 900, 69)
            .offer("lynas", "MY", 500, 82.5)
            .maxCountryShare(0.65)
            .build();
    Response response = post(request);
    response
        .then()
        .statusCode(201)
        .header("Location", containsString("/v1/allocation-plans/"))
        .body("status", equalTo("OPTIMAL"))
        .body("currency", equalTo("USD"))
        .body("totalCost", closeTo(650 * 69 + 350 * 82.5, TOLERANCE))
        .body("allocations.find { it.offerId == 'cn-1' }.quantity", closeTo(650, TOLERANCE))
        .body("allocations.find { it.offerId == 'lynas' }.quantity", closeTo(350, TOLERANCE))
        .body("materials[0].demand", closeTo(1000, TOLERANCE))
        .body("materials[0].shortfall", closeTo(0, TOLERANCE))
        .body("materials[0].hhi", closeTo(10_000 * (0.65 * 0.65 + 0.35 * 0.35), 1e-3))
        .body(
            "materials[0].shares.find { it.stage == 'SUPPLY' && it.country == 'CN' }.share",
            closeTo(0.65, TOLERANCE))
        .body("bindingConstraints", hasSize(1))
        .body("bindingConstraints[0].kind", equalTo("COUNTRY_CAP"))
        .body("bindingConstraints[0].country", equalTo("CN"))
        .body("bindingConstraints[0].stage", equalTo("SUPPLY"))
        .body("bindingConstraints[0].limit", closeTo(0.65, TOLERANCE))
        // One more unit of CN replaces one unit at 82.5 by one at 69.
        .body("bindingConstraints[0].shadowPrice", closeTo(-13.5, TOLERANCE))
        .body("bindingConstraints[0].explanation", containsString("saves 135.00 USD"))
        .body("bindingConstraints[0].savingsPerPercentagePoint", closeTo(135, 1e-6))
        .body("diagnosis", nullValue())
        .body("solver.engine", notNullValue())
        .body("inputDigest", startsWith("sha256:"));

    String location = response.header("Location");
    String id = response.path("id");
    request()
        .when()
        .get(location)
        .then()
        .statusCode(200)
        .body("id", equalTo(id))
        .body("status", equalTo("OPTIMAL"));
  }

  @Test
  void limitsThatBindTogetherAreExplainedOneAtATime() {
    // cn-1 declares no origins, so it is also unknown origin (ZZ) at MINING and SEPARATION: three
    // caps of 65 %
    // bind together and raising any one alone saves nothing.
    var request =
        aPlanRequest()
            .demand("NDPR_OXIDE", 1000)
            .offer("cn-1", "cn", "CN", 900, 69, Map.of())
            .offer("lynas", "lynas-s", "MY", 500, 82.5, Map.of("MINING", "AU", "SEPARATION", "MY"))
            .maxCountryShare(0.65)
            .build();
    post(request)
        .then()
        .statusCode(201)
        .body("totalCost", closeTo(650 * 69 + 350 * 82.5, TOLERANCE))
        .body("bindingConstraints", hasSize(3))
        .body("bindingConstraints.savingsPerPercentagePoint", everyItem(closeTo(0, 1e-6)))
        .body("bindingConstraints.jointSavingsPerPercentagePoint", everyItem(closeTo(135, 1e-6)))
        .body("bindingConstraints.explanation", everyItem(containsString("alone saves nothing")));
  }

  @Test
  void sameInputGivesTheSameDigestAndTheInputIsStored() throws Exception {
    var request = aPlanRequest().demand("TB_OXIDE", 10).offer("tb-1", "CN", 20, 1010).build();
    String first = post(request).then().statusCode(201).extract().path("inputDigest");
    Response second = post(request);
    second.then().statusCode(201).body("inputDigest", equalTo(first));

    byte[] input =
        request()
            .when()
            .get("/v1/allocation-plans/" + second.path("id") + "/input")
            .then()
            .statusCode(200)
            .extract()
            .asByteArray();
    String digest =
        "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(input));
    assertThat(digest).isEqualTo(first);
    assertThat(new String(input, StandardCharsets.UTF_8)).contains("\"tb-1\"");
  }

  @Test
  void unknownOriginCountsAsZzAndIsCapped() {
    // Only a declares SEPARATION, so b is of unknown separation origin (ZZ), capped at 60 % like
    // any country.
    var request =
        aPlanRequest()
            .demand("DY_OXIDE", 100)
            .offer("a", "sa", "AU", 100, 300, Map.of("SEPARATION", "MY"))
            .offer("b", "sb", "US", 100, 200, Map.of())
            .maxCountryShare(0.6)
            .build();
    post(request)
        .then()
        .statusCode(201)
        .body("status", equalTo("OPTIMAL"))
        .body("allocations.find { it.offerId == 'b' }.quantity", closeTo(60, TOLERANCE))
        .body(
            "materials[0].shares.find { it.stage == 'SEPARATION' && it.country == 'ZZ' }.quantity",
            closeTo(60, TOLERANCE))
        .body("totalCost", closeTo(60 * 200 + 40 * 300, TOLERANCE));
  }

  @Test
  void tariffScenarioChangesTheChoice() {
    var base =
        aPlanRequest()
            .demand("NDPR_OXIDE", 100)
            .offer("cn", "CN", 100, 70)
            .offer("au", "AU", 100, 80);
    post(base.build()).then().statusCode(201).body("allocations[0].offerId", equalTo("cn"));
    var tariffed =
        base.scenario("priceFactors", List.of(Map.of("country", "CN", "factor", 1.25))).build();
    post(tariffed)
        .then()
        .statusCode(201)
        .body("allocations", hasSize(1))
        .body("allocations[0].offerId", equalTo("au"))
        .body("totalCost", closeTo(8000, TOLERANCE));
  }

  @Test
  void unavailableCountryAndSupplierAreNotBoughtFrom() {
    var request =
        aPlanRequest()
            .demand("NDPR_OXIDE", 100)
            .offer("cn", "CN", 100, 70)
            .offer("ru", "RU", 100, 72)
            .offer("au", "AU", 100, 80)
            .scenario("unavailableCountries", List.of("CN"))
            .scenario("unavailableSuppliers", List.of("ru-supplier"))
            .build();
    post(request).then().statusCode(201).body("allocations.offerId", equalTo(List.of("au")));
  }

  @Test
  void materialThatNobodyOffersIsInfeasibleWithADiagnosis() {
    var request =
        aPlanRequest()
            .demand("NDPR_OXIDE", 100)
            .offer("cn", "CN", 100, 70)
            .demand("TB_OXIDE", 5)
            .build();
    post(request)
        .then()
        .statusCode(201)
        .body("status", equalTo("INFEASIBLE"))
        .body("allocations", empty())
        .body("diagnosis.materials.material", hasItem("TB_OXIDE"))
        .body(
            "diagnosis.materials.find { it.material == 'TB_OXIDE' }.maxPurchasable",
            closeTo(0, TOLERANCE));
  }

  @Test
  void capsTooTightAreInfeasibleWithTheSmallestFeasibleCapAndARelaxation() {
    // Two countries with 100 each, demand 100, cap 40 %: at most 80 can be bought; a 50 % cap would
    // do.
    var request =
        aPlanRequest()
            .demand("NDPR_OXIDE", 100)
            .offer("cn", "CN", 100, 70)
            .offer("au", "AU", 100, 80)
            .maxCountryShare(0.4)
            .build();
    post(request)
        .then()
        .statusCode(201)
        .body("status", equalTo("INFEASIBLE"))
        .body("totalCost", nullValue())
        .body("diagnosis.materials[0].maxPurchasable", closeTo(80, 1e-4))
        .body("diagnosis.minFeasibleUniformCountryCap", closeTo(0.5, 1e-4))
        .body("diagnosis.relaxations", not(empty()))
        .body("diagnosis.relaxations[0].from", closeTo(0.4, TOLERANCE));
  }

  @Test
  void aSolveThatRunsOutOfTimeIsATimeLimitPlanNotAHang() {
    // 40 materials x 500 offers with SEPARATION caps (not laminar, so LP) and a one-millisecond
    // limit.
    var request = aPlanRequest().maxCountryShare(0.65).with("timeLimitSeconds", 0.001);
    String[] countries = {"CN", "AU", "US", "MY", "IN"};
    for (int m = 0; m < 40; m++) {
      request.demand("M" + m, 1000);
      for (int i = 0; i < 500; i++) {
        request.offer(
            "o" + m + "-" + i,
            "s" + (i % 50),
            countries[i % 5],
            10,
            50 + (i * 7919 % 100),
            Map.of("SEPARATION", countries[(i / 5) % 5]));
      }
    }
    post(request.build())
        .then()
        .statusCode(201)
        .body("status", equalTo("TIME_LIMIT"))
        .body("solver.engine", notNullValue());
  }

  @Test
  void allowedShortfallIsAPlanWithShortfall() {
    var request =
        aPlanRequest()
            .demand("NDPR_OXIDE", 150)
            .offer("cn", "CN", 100, 70)
            .with("allowShortfall", true)
            .build();
    post(request)
        .then()
        .statusCode(201)
        .body("status", equalTo("OPTIMAL"))
        .body("materials[0].allocated", closeTo(100, TOLERANCE))
        .body("materials[0].shortfall", closeTo(50, TOLERANCE))
        .body("totalCost", closeTo(7000, TOLERANCE));
  }

  @Test
  void storedModeUsesStoredOffersAndPolicies() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String material = "NDPR-" + suffix;
    put("/v1/materials/" + material, Map.of("name", "NdPr oxide", "unit", "t"));
    put("/v1/suppliers/cn-" + suffix, Map.of("name", "CN", "country", "CN"));
    put("/v1/suppliers/au-" + suffix, Map.of("name", "AU", "country", "AU"));
    put(
        "/v1/offers/cn-" + suffix,
        Map.of(
            "supplierId",
            "cn-" + suffix,
            "material",
            material,
            "capacity",
            900,
            "unitPrice",
            69,
            "currency",
            "USD"));
    put(
        "/v1/offers/au-" + suffix,
        Map.of(
            "supplierId",
            "au-" + suffix,
            "material",
            material,
            "capacity",
            500,
            "unitPrice",
            82.5,
            "currency",
            "USD"));
    put(
        "/v1/offers/old-" + suffix,
        Map.of(
            "supplierId",
            "cn-" + suffix,
            "material",
            material,
            "capacity",
            1000,
            "unitPrice",
            1,
            "currency",
            "USD",
            "validTo",
            "2020-12-31"));
    put("/v1/sourcing-policies/p-" + suffix, Map.of("name", "65 %", "maxCountryShare", 0.65));

    var request =
        Map.of(
            "demand",
            List.of(Map.of("material", material, "quantity", 1000)),
            "policyId",
            "p-" + suffix);
    post(request)
        .then()
        .statusCode(201)
        .body("status", equalTo("OPTIMAL"))
        .body("totalCost", closeTo(650 * 69 + 350 * 82.5, TOLERANCE))
        .body("allocations.offerId", not(hasItem("old-" + suffix)));

    // The inline policy overrides the stored one field by field.
    var override =
        Map.of(
            "demand",
            List.of(Map.of("material", material, "quantity", 1000)),
            "policyId",
            "p-" + suffix,
            "policy",
            Map.of("maxCountryShare", 0.9));
    post(override)
        .then()
        .statusCode(201)
        .body("totalCost", closeTo(900 * 69 + 100 * 82.5, TOLERANCE));

    // A scenario names stored suppliers; one that does not exist is a 422.
    var withoutCn =
        Map.of(
            "demand",
            List.of(Map.of("material", material, "quantity", 400)),
            "scenario",
            Map.of("unavailableSuppliers", List.of("cn-" + suffix)));
    post(withoutCn)
        .then()
        .statusCode(201)
        .body("allocations.offerId", equalTo(List.of("au-" + suffix)));
    assertInvalid(
        Map.of(
            "demand",
            List.of(Map.of("material", material, "quantity", 400)),
            "scenario",
            Map.of("unavailableSuppliers", List.of("nobody-" + suffix))),
        "scenario.unavailableSuppliers[0]");

    // A preset by id: FEOC excluded at every stage leaves only AU.
    var dfars =
        Map.of(
            "demand",
            List.of(Map.of("material", material, "quantity", 400)),
            "policyId",
            "US_DFARS_MAGNETS_2027");
    post(dfars)
        .then()
        .statusCode(201)
        .body("allocations.offerId", equalTo(List.of("au-" + suffix)));
  }

  @Test
  void listPagesNewestFirstAndFiltersByStatus() {
    var infeasible = aPlanRequest().demand("X", 1).offer("x", "CN", 0, 1).build();
    String id = post(infeasible).then().statusCode(201).extract().path("id");
    request()
        .queryParam("status", "INFEASIBLE")
        .queryParam("limit", 1000)
        .when()
        .get("/v1/allocation-plans")
        .then()
        .statusCode(200)
        .body("items.id", hasItem(id))
        .body("items.status", not(hasItem("OPTIMAL")));
    request()
        .queryParam("status", "NOPE")
        .when()
        .get("/v1/allocation-plans")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("errors[0].field", equalTo("status"));
    request()
        .queryParam("createdFrom", "yesterday")
        .when()
        .get("/v1/allocation-plans")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("errors[0].field", equalTo("createdFrom"));
    List<String> page =
        request()
            .queryParam("limit", 2)
            .when()
            .get("/v1/allocation-plans")
            .then()
            .statusCode(200)
            .extract()
            .path("items.id");
    assertThat(page).hasSize(2).isSortedAccordingTo((a, b) -> b.compareTo(a));
  }

  @Test
  void unknownPlanIs404() {
    request().when().get("/v1/allocation-plans/01NOPE").then().statusCode(404).contentType(PROBLEM);
  }

  @Test
  void invalidRequestsAreProblemsNamingTheField() {
    assertInvalid(Map.of("demand", List.of()), "demand");
    assertInvalid(aPlanRequest().demand("A", -1).build(), "demand[0].quantity");
    assertInvalid(
        aPlanRequest().demand("A", 1).demand("A", 2).offer("o", "CN", 1, 1).build(),
        "demand[1].material");
    assertInvalid(
        aPlanRequest().demand("A", 1).offer("o", "CN", -5, 1).build(), "offers[0].capacity");
    assertInvalid(
        aPlanRequest().demand("A", 1).offer("o", "CN", 5, 1).offer("o", "AU", 5, 1).build(),
        "offers[1].id");
    assertInvalid(
        aPlanRequest().demand("A", 1).offer("o", "CN", 5, 1).maxCountryShare(1.5).build(),
        "policy.maxCountryShare");
    assertInvalid(
        aPlanRequest()
            .demand("A", 1)
            .offer("o", "CN", 5, 1)
            .policy("groupLimits", List.of(Map.of("group", "NO_SUCH_GROUP", "maxShare", 0.2)))
            .build(),
        "policy.groupLimits[0].group");
    assertInvalid(
        aPlanRequest()
            .demand("A", 1)
            .offer("o", "CN", 5, 1)
            .scenario(
                "priceFactors", List.of(Map.of("country", "CN", "supplier", "s", "factor", 2)))
            .build(),
        "scenario.priceFactors[0]");
    // In stored mode a scenario's supplier or offer must exist (stateless mode warns instead).
    assertInvalid(
        aPlanRequest()
            .demand("NDPR_OXIDE", 1)
            .scenario("unavailableSuppliers", List.of("no-such-supplier"))
            .build(),
        "scenario.unavailableSuppliers[0]");
    assertInvalid(
        aPlanRequest()
            .demand("NDPR_OXIDE", 1)
            .scenario("capacityFactors", List.of(Map.of("offer", "no-such-offer", "factor", 0.5)))
            .build(),
        "scenario.capacityFactors[0].offer");
    assertInvalid(
        aPlanRequest()
            .demand("A", 1)
            .offer("o", "CN", 5, 1)
            .scenario(
                "priceFactors",
                List.of(
                    Map.of("country", "CN", "factor", 1.1), Map.of("country", "CN", "factor", 1.2)))
            .build(),
        "scenario.priceFactors[1]");
    assertInvalid(
        Map.of(
            "demand",
            List.of(Map.of("material", "NO_SUCH_MATERIAL_EITHER", "quantity", 1)),
            "scenario",
            Map.of("unavailableSuppliers", List.of("nobody"))),
        "demand[0].material");
    assertInvalid(
        aPlanRequest().demand("A", 1).offer("o", "CN", 5, 1).with("currency", "XXY").build(),
        "currency");
    assertInvalid(
        aPlanRequest().demand("A", 1).offer("o", "CN", 5, 1).with("currency", "EUR").build(),
        "offers[0].currency");
    assertInvalid(
        aPlanRequest()
            .demand("A", 1)
            .offer("o", "CN", 5, 1)
            .with("policyId", "no-such-policy")
            .build(),
        "policyId");
    assertInvalid(
        Map.of("demand", List.of(Map.of("material", "NO_SUCH_MATERIAL", "quantity", 1))),
        "demand[0].material");
  }

  @Test
  void amountsWhoseCostWouldOverflowAre422() {
    // 1e308 is finite, but 1e308 units at any price cost "Infinity", which is not a JSON number.
    assertInvalid(
        aPlanRequest().demand("A", 1e308).offer("o", "CN", 5, 1).build(), "demand[0].quantity");
    assertInvalid(
        aPlanRequest().demand("A", 1).offer("o", "CN", 1e308, 10).build(), "offers[0].capacity");
    assertInvalid(
        aPlanRequest().demand("A", 1).offer("o", "CN", 5, 1e300).build(), "offers[0].unitPrice");
    assertInvalid(
        aPlanRequest()
            .demand("A", 1)
            .offer("o", "CN", 5, 1)
            .with("shortfallPenalty", 1e300)
            .build(),
        "shortfallPenalty");
    assertInvalid(
        aPlanRequest()
            .demand("A", 1)
            .offer("o", "CN", 5, 1)
            .scenario("priceFactors", List.of(Map.of("country", "CN", "factor", 1e300)))
            .build(),
        "scenario.priceFactors[0].factor");

    post(aPlanRequest().demand("A", 1e12).offer("o", "CN", 1e15, 1e15).build())
        .then()
        .statusCode(201)
        .body("status", equalTo("OPTIMAL"))
        .body("totalCost", closeTo(1e27, 1e15));
  }

  @Test
  void malformedBodiesAre400() {
    request()
        .contentType(ContentType.JSON)
        .body("{\"demand\": [")
        .when()
        .post("/v1/allocation-plans")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("title", equalTo("Malformed request"));
    request()
        .contentType(ContentType.JSON)
        .body("{\"demand\": [], \"bogus\": 1}")
        .when()
        .post("/v1/allocation-plans")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("errors[0].field", equalTo("bogus"));
    request()
        .contentType(ContentType.JSON)
        .body("{\"demand\": [{\"material\": \"A\", \"quantity\": \"lots\"}]}")
        .when()
        .post("/v1/allocation-plans")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("errors[0].field", equalTo("demand[0].quantity"));
  }

  @Test
  void rejectedRequestsStoreNoPlan() {
    int before = countPlans();
    assertInvalid(aPlanRequest().demand("A", -1).build(), "demand[0].quantity");
    assertInvalid(
        aPlanRequest()
            .demand("A", 1)
            .offer("o", "CN", 5, 1)
            .with("policyId", "no-such-policy")
            .build(),
        "policyId");
    assertThat(countPlans()).isEqualTo(before);
  }

  private static int countPlans() {
    int count = 0;
    String cursor = null;
    do {
      var request = request().queryParam("limit", 1000);
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      Response page = request.when().get("/v1/allocation-plans");
      count += page.<List<Object>>path("items").size();
      cursor = page.path("nextCursor");
    } while (cursor != null);
    return count;
  }

  private static void assertInvalid(Object request, String field) {
    String body =
        post(request)
            .then()
            .statusCode(422)
            .contentType(PROBLEM)
            .body("type", containsString("/problems/"))
            .body("title", notNullValue())
            .body("status", equalTo(422))
            .body("detail", notNullValue())
            .body("errors.field", hasItem(field))
            .extract()
            .asString();
    assertThat(body).doesNotContain("java.", "Exception", "com.critmin");
  }

  private static void put(String path, Object body) {
    request().contentType(ContentType.JSON).body(body).when().put(path).then().statusCode(201);
  }
}
