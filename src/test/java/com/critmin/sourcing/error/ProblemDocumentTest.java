package com.critmin.sourcing.error;

import static com.critmin.sourcing.testsupport.Api.assertProblem;
import static com.critmin.sourcing.testsupport.Api.json;
import static com.critmin.sourcing.testsupport.Api.request;
import static com.critmin.sourcing.testsupport.Api.uniqueId;
import static com.critmin.sourcing.testsupport.Fixtures.aMaterial;
import static com.critmin.sourcing.testsupport.Fixtures.givenMaterial;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Errors that every resource shares: routing, media types, unreadable bodies and list parameters.
 */
@QuarkusTest
class ProblemDocumentTest {
  private static final String LISTS =
      "/v1/materials,/v1/suppliers,/v1/offers,/v1/country-groups,/v1/sourcing-policies";

  @Test
  void jsonOfTheWrongShapeIs400SayingWhatShapeIsExpected() {
    String id = givenMaterial();

    assertProblem(
            request()
                .contentType("application/json")
                .body("[{\"name\": \"NdPr\", \"unit\": \"t\"}]")
                .put("/v1/materials/" + id)
                .then(),
            400,
            "malformed-request")
        .body("errors.field", hasItem("body"))
        .body("detail", equalTo("body: must be a JSON object"));
    assertProblem(
            request()
                .contentType("application/json")
                .body("[]")
                .post("/v1/allocation-plans")
                .then(),
            400,
            "malformed-request")
        .body("detail", equalTo("body: must be a JSON object"));
    assertProblem(
            request()
                .contentType("application/json")
                .body("{\"id\": \"x\"}")
                .post("/v1/offers")
                .then(),
            400,
            "malformed-request")
        .body("detail", equalTo("body: must be a JSON array"));

    request().get("/v1/materials/" + id).then().statusCode(200).body("name", equalTo("NdPr oxide"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v1/nothing-here", "/v1/materials/a/b", "/nothing"})
  void unknownPathIs404Problem(String path) {
    assertProblem(request().get(path).then(), 404, "not-found");
  }

  @Test
  void wrongMethodIs405ProblemWithAllow() {
    assertProblem(json(aMaterial()).post("/v1/materials").then(), 405, "method-not-allowed")
        .header("Allow", equalTo("GET, HEAD, OPTIONS"));
    assertProblem(request().delete("/v1/materials").then(), 405, "method-not-allowed");
    assertProblem(request().delete("/v1/offers").then(), 405, "method-not-allowed")
        .header("Allow", equalTo("GET, HEAD, OPTIONS, POST"));
    assertProblem(
            request().post("/v1/materials/" + uniqueId("mat")).then(), 405, "method-not-allowed")
        .header("Allow", equalTo("DELETE, GET, HEAD, OPTIONS, PUT"));
  }

  @Test
  void optionsNamesTheMethodsOfThePathLikeA405Does() {
    request()
        .options("/v1/materials")
        .then()
        .statusCode(200)
        .header("Allow", equalTo("GET, HEAD, OPTIONS"));
    request()
        .options("/v1/offers")
        .then()
        .statusCode(200)
        .header("Allow", equalTo("GET, HEAD, OPTIONS, POST"));
    request()
        .options("/v1/offers/" + uniqueId("off"))
        .then()
        .statusCode(200)
        .header("Allow", equalTo("DELETE, GET, HEAD, OPTIONS, PUT"));
    request()
        .options("/v1/allocation-plans/" + uniqueId("plan"))
        .then()
        .statusCode(200)
        .header("Allow", equalTo("DELETE, GET, HEAD, OPTIONS"));
  }

  @Test
  void wrongContentTypeIs415AndCreatesNothing() {
    String id = uniqueId("mat");

    assertProblem(
        request().contentType("text/plain").body("name=NdPr").put("/v1/materials/" + id).then(),
        415,
        "unsupported-media-type");
    assertProblem(
        request()
            .contentType("application/xml")
            .body("<material/>")
            .put("/v1/materials/" + id)
            .then(),
        415,
        "unsupported-media-type");

    assertProblem(request().get("/v1/materials/" + id).then(), 404, "not-found");
  }

  @Test
  void unacceptableAcceptIs406() {
    String id = givenMaterial();

    assertProblem(
        request().accept("application/xml").get("/v1/materials/" + id).then(),
        406,
        "not-acceptable");
    assertProblem(request().accept("text/csv").get("/v1/materials").then(), 406, "not-acceptable");
  }

  @Test
  void problemsAreSentToClientsThatAcceptOnlyJson() {
    assertProblem(
        request().accept("application/json").get("/v1/materials/" + uniqueId("mat")).then(),
        404,
        "not-found");
    assertProblem(
        json(aMaterial().with("unit", ""))
            .accept("application/json")
            .put("/v1/materials/" + uniqueId("mat"))
            .then(),
        422,
        "validation");
  }

  @Test
  void malformedJsonIs400AndChangesNothing() {
    String id = givenMaterial();

    assertProblem(
        request()
            .contentType("application/json")
            .body("{\"name\": \"NdPr\", \"unit\": ")
            .put("/v1/materials/" + id)
            .then(),
        400,
        "malformed-request");
    assertProblem(
        request()
            .contentType("application/json")
            .body("{name: 'NdPr'}")
            .put("/v1/materials/" + id)
            .then(),
        400,
        "malformed-request");

    request().get("/v1/materials/" + id).then().statusCode(200).body("name", equalTo("NdPr oxide"));
  }

  @Test
  void unknownJsonFieldIs400NamingIt() {
    String id = givenMaterial();

    assertProblem(
            json(aMaterial().with("colour", "green")).put("/v1/materials/" + id).then(),
            400,
            "malformed-request")
        .body("errors.field", hasItem("colour"))
        .body("detail", containsString("colour"));

    request().get("/v1/materials/" + id).then().statusCode(200).body("name", equalTo("NdPr oxide"));
  }

  @Test
  void wrongJsonTypeIs400NamingTheField() {
    String id = givenMaterial();

    assertProblem(
            json(aMaterial().with("name", java.util.Map.of("en", "NdPr")))
                .put("/v1/materials/" + id)
                .then(),
            400,
            "malformed-request")
        .body("errors.field", hasItem("name"));
    assertProblem(
            json(aMaterial().with("unit", java.util.List.of("t")))
                .put("/v1/materials/" + id)
                .then(),
            400,
            "malformed-request")
        .body("errors.field", hasItem("unit"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "1001", "5000", "abc", "1.5"})
  void badLimitIs400OnEveryList(String limit) {
    for (String list : LISTS.split(",")) {
      assertProblem(request().queryParam("limit", limit).get(list).then(), 400, "malformed-request")
          .body("errors.field", hasItem("limit"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"not-a-cursor", "%%%", "bm9wZQ"})
  void badCursorIs400OnEveryList(String cursor) {
    for (String list : LISTS.split(",")) {
      assertProblem(
              request().queryParam("cursor", cursor).get(list).then(), 400, "malformed-request")
          .body("errors.field", hasItem("cursor"));
    }
  }

  @Test
  void limitAtTheBoundsIsAccepted() {
    for (String list : LISTS.split(",")) {
      request().queryParam("limit", 1).get(list).then().statusCode(200);
      request().queryParam("limit", 1000).get(list).then().statusCode(200);
    }
  }

  @Test
  void cursorOfAnotherServiceIsRejectedEvenWhenItIsBase64() {
    String foreign =
        Base64.getUrlEncoder().encodeToString("offset=10".getBytes(StandardCharsets.UTF_8));
    assertProblem(
        request().queryParam("cursor", foreign).get("/v1/materials").then(),
        400,
        "malformed-request");
  }
}
