package com.critmin.sourcing.supplier;

import static com.critmin.sourcing.testsupport.Api.assertProblem;
import static com.critmin.sourcing.testsupport.Api.json;
import static com.critmin.sourcing.testsupport.Api.request;
import static com.critmin.sourcing.testsupport.Api.uniqueId;
import static com.critmin.sourcing.testsupport.Fixtures.aSupplier;
import static com.critmin.sourcing.testsupport.Fixtures.etagOf;
import static com.critmin.sourcing.testsupport.Fixtures.givenMaterial;
import static com.critmin.sourcing.testsupport.Fixtures.givenOffer;
import static com.critmin.sourcing.testsupport.Fixtures.givenSupplier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import com.critmin.sourcing.testsupport.Paging;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class SupplierResourceTest {
  private static final String SUPPLIERS = "/v1/suppliers/";

  @Test
  void putCreatesThenReplacesAndGetReturnsBodyAndEtag() {
    String id = uniqueId("lynas");

    json(aSupplier())
        .put(SUPPLIERS + id)
        .then()
        .statusCode(201)
        .header("Location", endsWith(SUPPLIERS + id))
        .header("ETag", notNullValue())
        .body("id", equalTo(id))
        .body("country", equalTo("AU"));
    String etag =
        json(aSupplier().with("name", "Lynas Malaysia").with("country", "MY"))
            .put(SUPPLIERS + id)
            .then()
            .statusCode(200)
            .extract()
            .header("ETag");

    request()
        .get(SUPPLIERS + id)
        .then()
        .statusCode(200)
        .header("ETag", equalTo(etag))
        .body("name", equalTo("Lynas Malaysia"))
        .body("country", equalTo("MY"));
  }

  @Test
  void deleteAnswers204ThenGetAnswers404() {
    String id = givenSupplier("US");

    request().delete(SUPPLIERS + id).then().statusCode(204);

    assertProblem(request().get(SUPPLIERS + id).then(), 404, "not-found");
  }

  @Test
  void listPagesThroughEverySupplierOnce() {
    String prefix = uniqueId("page");
    List<String> mine = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      json(aSupplier()).put(SUPPLIERS + prefix + "-" + i).then().statusCode(201);
      mine.add(prefix + "-" + i);
    }

    List<String> all = Paging.allIds("/v1/suppliers", 2);

    assertThat(new HashSet<>(all)).hasSameSizeAs(all);
    assertThat(all).containsSubsequence(mine);
  }

  @Test
  void staleIfMatchIs412AndMatchingOneReplaces() {
    String id = givenSupplier("AU");
    String first = etagOf(SUPPLIERS + id);
    json(aSupplier().with("country", "MY"))
        .header("If-Match", first)
        .put(SUPPLIERS + id)
        .then()
        .statusCode(200);

    assertProblem(
        json(aSupplier().with("country", "US"))
            .header("If-Match", first)
            .put(SUPPLIERS + id)
            .then(),
        412,
        "precondition-failed");

    request().get(SUPPLIERS + id).then().body("country", equalTo("MY"));
    assertProblem(
        json(aSupplier()).header("If-Match", "*").put(SUPPLIERS + uniqueId("sup")).then(),
        412,
        "precondition-failed");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ZZ", "XX", "au", "AUS", ""})
  void unknownOrUnknownOriginCountryIsRejectedAndChangesNothing(String country) {
    String id = givenSupplier("AU");

    assertProblem(
            json(aSupplier().with("country", country)).put(SUPPLIERS + id).then(),
            422,
            "validation")
        .body("errors.field", hasItem("country"));

    request().get(SUPPLIERS + id).then().body("country", equalTo("AU"));
  }

  @Test
  void missingNameAndCountryAre422NamingBoth() {
    assertProblem(
            json(aSupplier().without("name").with("country", null))
                .put(SUPPLIERS + uniqueId("sup"))
                .then(),
            422,
            "validation")
        .body("errors.field", hasItem("name"))
        .body("errors.field", hasItem("country"));
  }

  @Test
  void deletingASupplierThatAnOfferUsesIs409AndKeepsIt() {
    String supplier = givenSupplier("AU");
    givenOffer(supplier, givenMaterial());

    assertProblem(request().delete(SUPPLIERS + supplier).then(), 409, "conflict");

    request().get(SUPPLIERS + supplier).then().statusCode(200);
  }
}
