package com.critmin.sourcing.openapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The input snapshots that plans, frontiers and stress tests answer at {@code .../{id}/input} have
 * the shapes the contract names (PlanInput, FrontierInput, StressTestInput): every member they
 * carry is declared, with its type, and every required one is there. Frontiers and stress tests
 * themselves are held to their schemas the same way.
 */
@QuarkusTest
class InputSnapshotContractTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static JsonNode document;

  @BeforeEach
  void readContract() throws Exception {
    if (document == null) {
      document =
          JSON.readTree(
              given().accept("application/json").get("/q/openapi").then().extract().asString());
    }
  }

  @Test
  void planInputIsAPlanInput() throws Exception {
    String location =
        post("/v1/allocation-plans", problem(Map.of("reference", "contract-check")), 201);
    JsonNode input =
        assertConforms(location + "/input", "/v1/allocation-plans/{id}/input", "PlanInput");
    // The request filled in every part, so every declared member was checked.
    assertThat(input.at("/scenario/countryOutages")).hasSize(1);
    assertThat(input.at("/limits/groupLimits/0/countries").size()).isGreaterThan(1);
    assertThat(input.at("/limits/maxHhi").isNumber()).isTrue();
    assertThat(input.at("/offers/0/origins").isObject()).isTrue();
  }

  @Test
  void planInputWithAwardRulesIsAPlanInput() throws Exception {
    Map<String, Object> body = problem(Map.of());
    body.put("policy", Map.of("maxCountryShare", 0.9, "minSuppliers", 1, "maxSuppliers", 2));
    Map<String, Object> ruled = offer("cn", "CN", null);
    ruled.put("minQuantity", 10);
    ruled.put("lotSize", 5);
    ruled.put("supplier", Map.of("id", "cn-co", "country", "CN", "fixedCost", 100));
    body.put("offers", List.of(ruled, offer("au", "AU", null)));
    String location = post("/v1/allocation-plans", body, 201);
    JsonNode input =
        assertConforms(location + "/input", "/v1/allocation-plans/{id}/input", "PlanInput");
    assertThat(input.at("/supplierFixedCosts/cn-co").asDouble()).isEqualTo(100);
    assertThat(input.at("/limits/maxSuppliers").asInt()).isEqualTo(2);
    // Offers are kept in id order: au, then cn.
    assertThat(input.at("/offers/1/id").asText()).isEqualTo("cn");
    assertThat(input.at("/offers/1/lotSize").asDouble()).isEqualTo(5);
    assertThat(input.at("/offers/1/minQuantity").asDouble()).isEqualTo(10);
  }

  @Test
  void frontierInputIsAFrontierInput() throws Exception {
    String location =
        post(
            "/v1/frontiers",
            problem(Map.of("vary", Map.of("kind", "MAX_COUNTRY_SHARE"), "points", 3)),
            201);
    assertConforms(location + "/input", "/v1/frontiers/{id}/input", "FrontierInput");
  }

  @Test
  void stressTestInputIsAStressTestInput() throws Exception {
    String location =
        post("/v1/stress-tests", problem(Map.of("shocks", List.of(Map.of("country", "CN")))), 201);
    assertConforms(location + "/input", "/v1/stress-tests/{id}/input", "StressTestInput");
  }

  /** Statuses, kinds and bases are the named enums' values (AnalysisStatus, SolveStatus, ...). */
  @Test
  void frontierIsAFrontier() throws Exception {
    String location =
        post(
            "/v1/frontiers",
            problem(Map.of("vary", Map.of("kind", "MAX_COUNTRY_SHARE"), "points", 3)),
            201);
    JsonNode frontier = assertConforms(location, "/v1/frontiers/{id}", "Frontier");
    assertThat(frontier.at("/points/0/status").isTextual()).isTrue();
  }

  @Test
  void stressTestIsAStressTest() throws Exception {
    String location =
        post("/v1/stress-tests", problem(Map.of("shocks", List.of(Map.of("country", "CN")))), 201);
    JsonNode test = assertConforms(location, "/v1/stress-tests/{id}", "StressTest");
    assertThat(test.at("/shocks/0/status").isTextual()).isTrue();
  }

  /** The last page's nextCursor is null, and so are an offer's open validity bounds. */
  @Test
  void lastPagesAreTheirPageSchemas() throws Exception {
    assertConforms("/v1/policy-presets", "/v1/policy-presets", "PolicyPresetList");
    JsonNode offers = assertConforms("/v1/offers?limit=1000", "/v1/offers", "OfferPage");
    assertThat(offers.path("nextCursor").isNull()).isTrue();
  }

  /** A problem that fills in every part of a snapshot: limits of each kind, a scenario, origins. */
  private static Map<String, Object> problem(Map<String, Object> extra) {
    Map<String, Object> body = new HashMap<>();
    body.put("demand", List.of(Map.of("material", "NDPR_OXIDE", "quantity", 100)));
    body.put(
        "policy",
        Map.of(
            "maxCountryShare",
            0.9,
            "maxHhi",
            9000,
            "countryLimits",
            List.of(Map.of("country", "CN", "stage", "SEPARATION", "maxShare", 0.8)),
            "groupLimits",
            List.of(Map.of("group", "FEOC", "maxShare", 0.9))));
    body.put(
        "scenario",
        Map.of(
            "priceFactors", List.of(Map.of("country", "CN", "factor", 1.25)),
            "capacityFactors", List.of(Map.of("supplier", "au-co", "factor", 0.9)),
            "countryOutages", List.of(Map.of("country", "RU", "stages", List.of("MINING")))));
    body.put(
        "offers",
        List.of(
            offer("cn", "CN", Map.of("SEPARATION", "CN")),
            offer("au", "AU", Map.of("MINING", "AU", "SEPARATION", "MY")),
            offer("us", "US", null)));
    body.putAll(extra);
    return body;
  }

  private static Map<String, Object> offer(String id, String country, Map<String, String> origins) {
    Map<String, Object> offer = new HashMap<>();
    offer.put("id", id);
    offer.put("material", "NDPR_OXIDE");
    offer.put("supplier", Map.of("id", id + "-co", "name", id, "country", country));
    offer.put("capacity", 100);
    offer.put("unitPrice", 80);
    offer.put("currency", "USD");
    if (origins != null) {
      offer.put("origins", origins);
    }
    return offer;
  }

  private static String post(String path, Map<String, Object> body, int status) {
    return given()
        .contentType(ContentType.JSON)
        .body(body)
        .post(path)
        .then()
        .statusCode(status)
        .extract()
        .header("Location");
  }

  private static JsonNode assertConforms(String url, String path, String schemaName)
      throws Exception {
    JsonNode schema =
        document
            .at("/paths/" + path.replace("/", "~1") + "/get/responses/200/content")
            .path("application/json")
            .path("schema");
    assertThat(schema.path("$ref").asText())
        .as("the schema of GET " + path)
        .isEqualTo("#/components/schemas/" + schemaName);
    JsonNode input = JSON.readTree(given().get(url).then().statusCode(200).extract().asString());
    List<String> faults = new ArrayList<>();
    check(input, schema, "$", faults);
    assertThat(faults).as("members of %s that %s does not describe", url, schemaName).isEmpty();
    return input;
  }

  private static void check(JsonNode value, JsonNode schema, String at, List<String> faults) {
    if (schema.has("$ref")) {
      String name = schema.get("$ref").asText().substring("#/components/schemas/".length());
      check(value, document.path("components").path("schemas").path(name), at, faults);
      return;
    }
    for (String combinator : List.of("anyOf", "oneOf")) {
      if (schema.has(combinator)) {
        List<String> first = null;
        for (JsonNode alternative : schema.get(combinator)) {
          List<String> own = new ArrayList<>();
          check(value, alternative, at, own);
          if (own.isEmpty()) {
            return;
          }
          first = first == null ? own : first;
        }
        faults.addAll(first);
        return;
      }
    }
    if (schema.has("allOf")) {
      for (JsonNode part : schema.get("allOf")) {
        check(value, part, at, faults);
      }
    }
    List<String> types = new ArrayList<>();
    JsonNode type = schema.path("type");
    if (type.isArray()) {
      type.forEach(t -> types.add(t.asText()));
    } else if (type.isTextual()) {
      types.add(type.asText());
    }
    if (value.isNull()) {
      if (!types.isEmpty() && !types.contains("null") && !schema.path("nullable").asBoolean()) {
        faults.add(at + " is null, declared " + types);
      }
      return;
    }
    if (!types.isEmpty() && types.stream().noneMatch(t -> fits(value, t))) {
      faults.add(at + " is " + value.getNodeType() + ", declared " + types);
      return;
    }
    if (schema.has("enum") && value.isTextual()) {
      boolean listed = false;
      for (JsonNode option : schema.get("enum")) {
        listed |= option.asText().equals(value.asText());
      }
      if (!listed) {
        faults.add(at + " = " + value + " is not in " + schema.get("enum"));
      }
    }
    if (value.isObject()) {
      JsonNode properties = schema.path("properties");
      for (JsonNode required : schema.path("required")) {
        if (!value.has(required.asText())) {
          faults.add(at + "." + required.asText() + " is required but missing");
        }
      }
      for (Map.Entry<String, JsonNode> member : value.properties()) {
        String name = at + "." + member.getKey();
        if (properties.has(member.getKey())) {
          check(member.getValue(), properties.get(member.getKey()), name, faults);
        } else if (schema.path("additionalProperties").isObject()) {
          check(member.getValue(), schema.get("additionalProperties"), name, faults);
        } else {
          faults.add(name + " is not declared");
        }
      }
    }
    if (value.isArray() && schema.has("items")) {
      for (int i = 0; i < value.size(); i++) {
        check(value.get(i), schema.get("items"), at + "[" + i + "]", faults);
      }
    }
  }

  private static boolean fits(JsonNode value, String type) {
    return switch (type) {
      case "object" -> value.isObject();
      case "array" -> value.isArray();
      case "string" -> value.isTextual();
      case "number" -> value.isNumber();
      case "integer" -> value.isIntegralNumber();
      case "boolean" -> value.isBoolean();
      case "null" -> value.isNull();
      default -> false;
    };
  }
}
