package com.critmin.sourcing.openapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The committed openapi/openapi.yaml must be exactly what the code generates. To refresh it after
 * an API change: {@code ./mvnw test -Dtest=OpenApiDocumentTest -Dopenapi.update=true}.
 */
@QuarkusTest
class OpenApiDocumentTest {
  private static final Path COMMITTED = Path.of("openapi/openapi.yaml");

  @Test
  void committedDocumentMatchesTheGeneratedOne() throws IOException {
    String generated =
        given()
            .accept("application/yaml")
            .when()
            .get("/q/openapi")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    if (Boolean.getBoolean("openapi.update")) {
      Files.writeString(COMMITTED, generated, StandardCharsets.UTF_8);
    }
    assertThat(Files.exists(COMMITTED))
        .as("openapi/openapi.yaml is committed (generate it with -Dopenapi.update=true)")
        .isTrue();
    assertThat(Files.readString(COMMITTED, StandardCharsets.UTF_8))
        .as(
            "openapi/openapi.yaml is out of date: run ./mvnw test -Dtest=OpenApiDocumentTest -Dopenapi.update=true")
        .isEqualTo(generated);
  }

  /**
   * Examples are on the demo data's scale (prices per tonne; NdPr oxide at 82,500 USD), so that a
   * planner who sends one as it is gets a sensible plan.
   */
  @Test
  void everyExamplePriceIsPerTonneOnTheDemosScale() throws IOException {
    java.util.regex.Matcher price =
        java.util.regex.Pattern.compile("\"?unitPrice\"?: (\\d+(\\.\\d+)?)")
            .matcher(Files.readString(COMMITTED, StandardCharsets.UTF_8));
    int seen = 0;
    while (price.find()) {
      seen++;
      assertThat(Double.parseDouble(price.group(1)))
          .as(price.group())
          .isGreaterThanOrEqualTo(1_000);
    }
    assertThat(seen).isPositive();
  }

  @Test
  void everyOperationDocumentsItsErrorsAsProblemDocuments() throws IOException {
    JsonNode document =
        new ObjectMapper()
            .readTree(
                given()
                    .accept("application/json")
                    .when()
                    .get("/q/openapi")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
    List<String> faults = new ArrayList<>();
    int operations = 0;
    for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
      for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
        if (!METHODS.contains(entry.getKey())) {
          continue;
        }
        operations++;
        String name = entry.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
        faults.addAll(faultsOf(name, path.getKey(), entry.getValue(), document));
      }
    }

    assertThat(operations).as("operations in the document").isGreaterThan(20);
    assertThat(faults).isEmpty();
  }

  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

  /** What one operation's error responses lack; empty when it documents them all. */
  private static List<String> faultsOf(
      String name, String path, JsonNode operation, JsonNode document) {
    List<String> faults = new ArrayList<>();
    Map<String, JsonNode> responses = new TreeMap<>();
    operation.path("responses").properties().forEach(e -> responses.put(e.getKey(), e.getValue()));
    Set<String> errors = new TreeSet<>();
    for (Map.Entry<String, JsonNode> response : responses.entrySet()) {
      String code = response.getKey();
      if (!code.startsWith("4") && !code.startsWith("5")) {
        continue;
      }
      errors.add(code);
      JsonNode resolved = resolve(response.getValue(), document);
      JsonNode problem = resolved.path("content").path("application/problem+json");
      if (problem.isMissingNode()) {
        faults.add(name + " " + code + " is not application/problem+json");
      } else if (!resolve(problem.path("schema"), document).path("properties").has("errors")) {
        faults.add(name + " " + code + " does not have the Problem schema");
      }
    }
    // Every operation rejects unknown query parameters, malformed percent-encoding (400) and an
    // Accept it cannot satisfy (406).
    List<String> required = new ArrayList<>(List.of("400", "406", "500"));
    if (operation.has("requestBody")) {
      required.addAll(List.of("415", "422"));
    }
    boolean byId = path.contains("{");
    if (byId && (name.startsWith("GET") || name.startsWith("DELETE"))) {
      required.add("404");
    }
    for (JsonNode parameter : operation.path("parameters")) {
      if ("If-Match".equals(parameter.path("name").asText())) {
        required.add("412");
      }
    }
    for (String code : required) {
      if (!errors.contains(code)) {
        faults.add(name + " does not document " + code);
      }
    }
    return faults;
  }

  /** The object a {@code $ref} points to within the document, or the node itself. */
  private static JsonNode resolve(JsonNode node, JsonNode document) {
    JsonNode ref = node.get("$ref");
    if (ref == null) {
      return node;
    }
    JsonNode target = document;
    for (String part : ref.asText().substring(2).split("/")) {
      target = target.path(part);
    }
    return target;
  }
}
