package com.critmin.sourcing.analysis;

import static com.critmin.sourcing.testsupport.Api.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** Frontiers and stress tests through the API: JSON, SVG parsed as XML, CSV, async, errors. */
@QuarkusTest
class AnalysisResourceTest {
  static final double TOLERANCE = 1e-6;

  static Map<String, Object> offer(String id, String country, double capacity, double price) {
    return Map.of(
        "id",
        id,
        "material",
        "NDPR_OXIDE",
        "supplier",
        Map.of("id", id + "-co", "name", id, "country", country),
        "capacity",
        capacity,
        "unitPrice",
        price,
        "currency",
        "USD");
  }

  /** CN 1, AU 2, US 3 per t, 100 t each, demand 100, policy cap 65 %. */
  static Map<String, Object> threeCountries(Map<String, Object> extra) {
    Map<String, Object> body = new java.util.HashMap<>();
    body.put("demand", List.of(Map.of("material", "NDPR_OXIDE", "quantity", 100)));
    body.put("policy", Map.of("maxCountryShare", 0.65));
    body.put(
        "offers",
        List.of(offer("cn", "CN", 100, 1), offer("au", "AU", 100, 2), offer("us", "US", 100, 3)));
    body.putAll(extra);
    return body;
  }

  @Test
  void frontierIsStoredWithExactBreakpointsAndDrawnAndTabulated() throws Exception {
    Response created =
        request()
            .contentType(ContentType.JSON)
            .body(threeCountries(Map.of("vary", Map.of("kind", "MAX_COUNTRY_SHARE"))))
            .post("/v1/frontiers");
    created
        .then()
        .statusCode(201)
        .header("Location", containsString("/v1/frontiers/"))
        .body("status", equalTo("COMPLETED"))
        .body("minFeasibleLevel", closeTo(1.0 / 3, TOLERANCE))
        .body("points", hasSize(21))
        .body("points[0].level", closeTo(1.0, 0))
        .body("points[0].totalCost", closeTo(100.0, TOLERANCE))
        .body("points[20].totalCost", closeTo(200.0, TOLERANCE))
        .body("breakpoints", hasSize(1))
        .body("breakpoints[0].level", closeTo(0.5, TOLERANCE))
        .body("breakpoints[0].totalCost", closeTo(150.0, TOLERANCE))
        .body("baseline.level", closeTo(0.65, TOLERANCE))
        .body("baseline.totalCost", closeTo(135.0, TOLERANCE))
        .body("baseline.marginalCostPerPoint", closeTo(1.0, TOLERANCE))
        .body("inputDigest", startsWith("sha256:"));
    String id = created.path("id");
    String digest = created.path("inputDigest");

    String svg =
        request()
            .accept("image/svg+xml")
            .get("/v1/frontiers/" + id)
            .then()
            .statusCode(200)
            .contentType(containsString("image/svg+xml"))
            .extract()
            .asString();
    Document doc = parse(svg);
    assertThat(doc.getDocumentElement().getNodeName()).isEqualTo("svg");
    assertThat(Double.parseDouble(doc.getDocumentElement().getAttribute("width"))).isEqualTo(800);
    List<String> texts = texts(doc);
    assertThat(texts).contains("Price of resilience", "Minimum total cost (USD)");
    assertThat(texts).anyMatch(t -> t.startsWith("policy 65 %: 135 USD"));
    assertThat(texts).anyMatch(t -> t.startsWith("infeasible below 33.33 %"));
    assertThat(texts).anyMatch(t -> t.contains("Uniform country cap (level, % of demand)"));
    assertThat(texts).contains("breakpoints (exact)");

    String csv =
        request()
            .accept("text/csv")
            .get("/v1/frontiers/" + id)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    String[] lines = csv.split("\r\n");
    assertThat(lines[0]).startsWith("row,level,status,totalCost,currency,marginalCostPerPoint");
    assertThat(lines[1]).startsWith("BASELINE,0.65,OPTIMAL,135,USD,1");
    assertThat(lines).hasSize(1 + 1 + 21 + 1);
    assertThat(lines[23]).startsWith("BREAKPOINT,0.5,OPTIMAL,150,");

    String input =
        request().get("/v1/frontiers/" + id + "/input").then().statusCode(200).extract().asString();
    String sha =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest(input.getBytes(StandardCharsets.UTF_8)));
    assertThat(digest).isEqualTo("sha256:" + sha);
    assertThat(input).contains("\"MAX_COUNTRY_SHARE\"");

    request().get("/v1/frontiers").then().statusCode(200).body("items.id", hasItem(id));
    request()
        .get("/v1/frontiers?status=COMPLETED&limit=1000")
        .then()
        .statusCode(200)
        .body("items.id", hasItem(id))
        .body("items.status", org.hamcrest.Matchers.everyItem(equalTo("COMPLETED")));
    request()
        .get("/v1/frontiers?status=RUNNING&limit=1000")
        .then()
        .statusCode(200)
        .body("items.id", org.hamcrest.Matchers.not(hasItem(id)));
    com.critmin.sourcing.testsupport.Api.assertProblem(
            request().get("/v1/stress-tests?status=DONE").then(), 400, "malformed-request")
        .body("errors[0].field", equalTo("status"));
    request().get("/v1/stress-tests/" + id).then().statusCode(404);
  }

  @Test
  void countryLimitFrontierAtGivenLevelsReportsUncoveredMaterials() {
    Map<String, Object> body =
        threeCountries(
            Map.of(
                "vary",
                Map.of("kind", "COUNTRY_LIMIT", "country", "CN"),
                "levels",
                List.of(1.0, 0.5, 0.0)));
    body.put("policy", Map.of());
    body.put("offers", List.of(offer("cn", "CN", 100, 1), offer("au", "AU", 50, 2)));
    request()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/v1/frontiers")
        .then()
        .statusCode(201)
        .body("minFeasibleLevel", closeTo(0.5, TOLERANCE))
        .body("points[0].totalCost", closeTo(100, TOLERANCE))
        .body("points[1].totalCost", closeTo(150, TOLERANCE))
        .body("points[2].status", equalTo("INFEASIBLE"))
        .body("points[2].uncovered[0].material", equalTo("NDPR_OXIDE"))
        .body("points[2].uncovered[0].coverableFromLevel", closeTo(0.5, TOLERANCE));
  }

  @Test
  void stressTestRanksTheLossesAndDrawsThem() throws Exception {
    Response created =
        request()
            .contentType(ContentType.JSON)
            .body(threeCountries(Map.of()))
            .post("/v1/stress-tests");
    created
        .then()
        .statusCode(201)
        .body("status", equalTo("COMPLETED"))
        .body("baseline.totalCost", closeTo(135, TOLERANCE))
        .body("shocks", hasSize(2))
        // Without CN: 65 AU + 35 US = 235; without AU: 65 CN + 35 US = 170.
        .body("shocks[0].label", equalTo("CN"))
        .body("shocks[0].rank", equalTo(1))
        .body("shocks[0].totalCost", closeTo(235, TOLERANCE))
        .body("shocks[0].costDelta", closeTo(100, TOLERANCE))
        .body("shocks[0].costDeltaPercent", closeTo(74.07, 0.005))
        .body("shocks[0].shortfall", closeTo(0, TOLERANCE))
        .body("shocks[1].label", equalTo("AU"))
        .body("shocks[1].costDelta", closeTo(35, TOLERANCE));
    String id = created.path("id");
    Document doc =
        parse(
            request()
                .accept("image/svg+xml")
                .get("/v1/stress-tests/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString());
    List<String> texts = texts(doc);
    assertThat(texts).contains("Cost delta against baseline (USD)", "#1 CN", "#2 AU");
    assertThat(texts)
        .anyMatch(t -> t.startsWith("Stress test: cost of each loss (baseline 135 USD)"));
    assertThat(texts).contains("100 USD", "35 USD");
    String csv =
        request().accept("text/csv").get("/v1/stress-tests/" + id).then().extract().asString();
    assertThat(csv.split("\r\n")[1]).startsWith("0,BASELINE,OPTIMAL,135,USD");
    // A range chooses the view it covers; one refused with q=0 is not chosen.
    request()
        .accept("text/*")
        .get("/v1/stress-tests/" + id)
        .then()
        .statusCode(200)
        .contentType(startsWith("text/csv"));
    request()
        .accept("image/*")
        .get("/v1/stress-tests/" + id)
        .then()
        .statusCode(200)
        .contentType(startsWith("image/svg+xml"));
    request()
        .accept("text/csv;q=0, application/json")
        .get("/v1/stress-tests/" + id)
        .then()
        .statusCode(200)
        .contentType(startsWith("application/json"));
    assertThat(csv.split("\r\n")[2]).startsWith("1,CN,OPTIMAL,235,USD,100,");
  }

  @Test
  void aShockOnASupplierWithNoOfferIs422WithAHint() {
    Map<String, Object> body = threeCountries(Map.of());
    body.put("shocks", List.of(Map.of("supplier", "cn-cox")));
    com.critmin.sourcing.testsupport.Api.assertProblem(
            request().contentType(ContentType.JSON).body(body).post("/v1/stress-tests").then(),
            422,
            "validation")
        .body("errors[0].field", equalTo("shocks[0].supplier"))
        .body("errors[0].message", containsString("did you mean 'cn-co'"));
  }

  @Test
  void aShockThatLeavesDemandShortRanksFirstAndIsMarked() throws Exception {
    Map<String, Object> body = threeCountries(Map.of());
    body.put(
        "shocks",
        List.of(
            Map.of("country", "AU"),
            Map.of("supplier", "cn-co", "capacityFactor", 0.5),
            Map.of("country", "US")));
    body.put(
        "offers",
        List.of(offer("cn", "CN", 100, 1), offer("au", "AU", 40, 2), offer("us", "US", 40, 3)));
    Response created = request().contentType(ContentType.JSON).body(body).post("/v1/stress-tests");
    created
        .then()
        .statusCode(201)
        // Without AU: 65 CN + 35 US... US has 40: no shortfall. Halving cn-co: 50 + 40 + 10 = 100.
        // Without US: 65 + 35 from AU (40): fine. So shortfall only where capacity runs out.
        .body("shocks", hasSize(3));
    List<Number> shortfalls = created.path("shocks.shortfall");
    for (int k = 1; k < shortfalls.size(); k++) {
      assertThat(shortfalls.get(k - 1).doubleValue())
          .isGreaterThanOrEqualTo(shortfalls.get(k).doubleValue());
    }
    body.put(
        "offers",
        List.of(offer("cn", "CN", 100, 1), offer("au", "AU", 20, 2), offer("us", "US", 20, 3)));
    body.put(
        "shocks", List.of(Map.of("country", "US"), Map.of("country", "AU", "capacityFactor", 0.5)));
    Response shortRun = request().contentType(ContentType.JSON).body(body).post("/v1/stress-tests");
    shortRun
        .then()
        .statusCode(201)
        // Baseline: 65 CN + 20 AU + 15 US. Without US: 65 + 20 = 85, short 15.
        .body("baseline.shortfall", closeTo(0, TOLERANCE))
        .body("shocks[0].label", equalTo("US"))
        .body("shocks[0].shortfall", closeTo(15, TOLERANCE))
        .body("shocks[0].shortfallByMaterial.NDPR_OXIDE", closeTo(15, TOLERANCE))
        // Half of AU: 65 + 10 + 20 = 95, short 5.
        .body("shocks[1].label", equalTo("AU x0.5"))
        .body("shocks[1].shortfall", closeTo(5, TOLERANCE));
    List<String> texts =
        texts(
            parse(
                request()
                    .accept("image/svg+xml")
                    .get("/v1/stress-tests/" + shortRun.path("id"))
                    .then()
                    .extract()
                    .asString()));
    assertThat(texts).anyMatch(t -> t.contains("short 15 t"));
  }

  @Test
  void asyncRunsAreAcceptedPendingAndEndCompleted() throws Exception {
    Response accepted =
        request()
            .contentType(ContentType.JSON)
            .header("Prefer", "respond-async")
            .body(threeCountries(Map.of("points", 5)))
            .post("/v1/frontiers");
    accepted.then().statusCode(202).header("Preference-Applied", "respond-async");
    assertThat(List.of("PENDING", "RUNNING", "COMPLETED"))
        .contains((String) accepted.path("status"));
    String location = accepted.header("Location");
    String status = accepted.path("status");
    for (int i = 0; i < 100 && !status.equals("COMPLETED"); i++) {
      Thread.sleep(100);
      status = request().get(location).path("status");
    }
    assertThat(status).isEqualTo("COMPLETED");
    request().get(location).then().body("points", hasSize(5));
  }

  @Test
  void badAnalysesAreFieldErrors() {
    request()
        .contentType(ContentType.JSON)
        .body(threeCountries(Map.of("vary", Map.of("kind", "COUNTRY_LIMIT"))))
        .post("/v1/frontiers")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("vary.country"));
    request()
        .contentType(ContentType.JSON)
        .body(threeCountries(Map.of("vary", Map.of("kind", "GROUP_LIMIT", "group", "NOPE"))))
        .post("/v1/frontiers")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("vary.group"));
    request()
        .contentType(ContentType.JSON)
        .body(threeCountries(Map.of("vary", Map.of("kind", "SIDEWAYS"), "points", 1)))
        .post("/v1/frontiers")
        .then()
        .statusCode(422);
    request()
        .contentType(ContentType.JSON)
        .body(threeCountries(Map.of("shocks", List.of(Map.of("country", "CN", "supplier", "x")))))
        .post("/v1/stress-tests")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("shocks[0]"));
    request()
        .contentType(ContentType.JSON)
        .body(
            threeCountries(Map.of("shocks", List.of(Map.of("country", "CN", "capacityFactor", 2)))))
        .post("/v1/stress-tests")
        .then()
        .statusCode(422);
    request().get("/v1/frontiers/nope").then().statusCode(404);
  }

  @Test
  void plansHonourHhiAndSpendCapsThroughTheApi() {
    Map<String, Object> body = threeCountries(Map.of());
    body.put("policy", Map.of("maxHhi", 5000));
    request()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/v1/allocation-plans")
        .then()
        .statusCode(201)
        .body("status", equalTo("OPTIMAL"))
        .body("solver.hhiIterations", greaterThan(0))
        .body("bindingConstraints.kind", hasItem("HHI_CAP"))
        .body("materials[0].hhi", closeTo(5000, 0.01));
    body.put(
        "policy",
        Map.of(
            "countryLimits", List.of(Map.of("country", "CN", "maxShare", 0.5, "basis", "SPEND"))));
    request()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/v1/allocation-plans")
        .then()
        .statusCode(201)
        // CN spend q <= 0.5 (q + 2 (100 - q)): q = 66.67, the rest from AU.
        .body("totalCost", closeTo(100.0 / 1.5 + 2 * (100 - 100.0 / 1.5), 0.01))
        .body("bindingConstraints[0].basis", equalTo("SPEND"));
  }

  static Document parse(String svg) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  static List<String> texts(Document doc) {
    NodeList nodes = doc.getElementsByTagNameNS("*", "text");
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) texts.add(nodes.item(i).getTextContent().trim());
    return texts;
  }
}
