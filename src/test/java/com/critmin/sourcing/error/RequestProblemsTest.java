package com.critmin.sourcing.error;

import static com.critmin.sourcing.testsupport.Api.assertProblem;
import static com.critmin.sourcing.testsupport.Api.request;
import static com.critmin.sourcing.testsupport.Fixtures.givenMaterial;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.critmin.sourcing.testsupport.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** What the layers before the resources refuse is a problem document that says what went wrong. */
@QuarkusTest
class RequestProblemsTest {

  @Test
  void aMisspeltFilterIs400NamingItWithAHint() {
    assertProblem(request().get("/v1/offers?suplier=lynas").then(), 400, "malformed-request")
        .body("errors", hasSize(1))
        .body("errors[0].field", equalTo("suplier"))
        .body("errors[0].message", containsString("did you mean 'supplier'"));
  }

  @Test
  void everyUnknownParameterIsNamed() {
    assertProblem(
            request().get("/v1/allocation-plans?foo=1&bar=2").then(), 400, "malformed-request")
        .body("errors.field", org.hamcrest.Matchers.contains("bar", "foo"));
    assertProblem(request().get("/v1/materials?limt=5").then(), 400, "malformed-request")
        .body("errors[0].message", containsString("did you mean 'limit'"));
  }

  @Test
  void aReadByIdTakesNoParameters() {
    String id = givenMaterial();
    assertProblem(
            request().get("/v1/materials/" + id + "?expand=all").then(), 400, "malformed-request")
        .body("errors[0].field", equalTo("expand"))
        .body("errors[0].message", containsString("takes none"));
    request().get("/v1/materials/" + id).then().statusCode(200);
  }

  @Test
  void aParameterGivenTwiceIs400NotItsFirstValueAlone() {
    assertProblem(
            request().get("/v1/offers?material=A&material=B&limit=2").then(),
            400,
            "malformed-request")
        .body("errors", hasSize(1))
        .body("errors[0].field", equalTo("material"))
        .body("errors[0].message", containsString("given 2 times"));
  }

  @Test
  void anEmptyRangeOrANonAsciiLimitIs400() {
    assertProblem(
            request()
                .get(
                    "/v1/allocation-plans?createdFrom=2026-12-01T00:00:00Z"
                        + "&createdTo=2026-12-01T00:00:00Z")
                .then(),
            400,
            "malformed-request")
        .body("errors[0].field", equalTo("createdFrom"));
    assertProblem(
            request()
                .get(
                    "/v1/allocation-plans?createdFrom=2026-12-01T00:00:00Z"
                        + "&createdTo=2026-11-01T00:00:00Z")
                .then(),
            400,
            "malformed-request")
        .body("errors[0].field", equalTo("createdFrom"));
    assertProblem(
            request().urlEncodingEnabled(false).get("/v1/offers?limit=%EF%BC%95").then(),
            400,
            "malformed-request")
        .body("errors[0].field", equalTo("limit"));
  }

  @Test
  void anythingAfterTheJsonValueIs400AndWritesNothing() {
    String id = "trailing-" + System.nanoTime();
    for (String tail : new String[] {" trailing", "{\"x\":", "]"}) {
      assertProblem(
              request()
                  .contentType("application/json")
                  .body("{\"name\":\"Trailing\",\"unit\":\"t\"}" + tail)
                  .put("/v1/materials/" + id)
                  .then(),
              400,
              "malformed-request")
          .body("detail", containsString("not valid JSON"));
    }
    request().get("/v1/materials/" + id).then().statusCode(404);
  }

  @Test
  void knownParametersStillWork() {
    request().get("/v1/offers?limit=1&material=X&supplier=Y").then().statusCode(200);
  }

  @Test
  void malformedPercentEncodingInThePathIsAProblemDocument() throws Exception {
    RawHttp.Answer answer = RawHttp.get("/v1/materials/%ZZ");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.headers().get("content-type")).isEqualTo("application/problem+json");
    assertThat(answer.body())
        .contains("\"status\":400", "malformed-request", "percent-encoding", "path");
  }

  @Test
  void malformedPercentEncodingInTheQueryIsAProblemDocument() throws Exception {
    RawHttp.Answer answer = RawHttp.get("/v1/materials?cursor=%ZZ");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.headers().get("content-type")).isEqualTo("application/problem+json");
    assertThat(answer.body()).contains("\"status\":400", "percent-encoding", "query");
  }

  @Test
  void aChunkedBodyWithinTheLimitIsRead() throws Exception {
    String body =
        "{\"demand\": [{\"material\": \"TB\", \"quantity\": 1}], \"offers\": [{\"id\": \"a\","
            + " \"material\": \"TB\", \"supplier\": {\"id\": \"s\", \"country\": \"AU\"},"
            + " \"capacity\": 2, \"unitPrice\": 5}]}";
    RawHttp.Answer answer = RawHttp.postChunked("/v1/allocation-plans", "application/json", body);
    assertThat(answer.status()).isEqualTo(201);
    assertThat(answer.body()).contains("\"status\":\"OPTIMAL\"");
    RawHttp.Answer csv =
        RawHttp.postChunked(
            "/v1/offers", "text/csv", "id,supplierId,material,capacity,unitPrice,currency\n");
    assertThat(csv.status()).isEqualTo(422);
    assertThat(csv.body()).contains("no offer rows");
  }
}
