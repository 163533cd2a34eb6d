package com.critmin.sourcing.openapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

  @Test
  void everyOperationDocumentsItsErrorsAsProblemDocuments() {
    String generated =
        given()
            .accept("application/json")
            .when()
            .get("/q/openapi")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(generated).contains("application/problem+json").contains("\"Problem\"");
  }
}
