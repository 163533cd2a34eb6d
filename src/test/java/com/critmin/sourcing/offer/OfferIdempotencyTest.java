package com.critmin.sourcing.offer;

import static com.critmin.sourcing.testsupport.Api.assertProblem;
import static com.critmin.sourcing.testsupport.Api.json;
import static com.critmin.sourcing.testsupport.Api.request;
import static com.critmin.sourcing.testsupport.Api.uniqueId;
import static com.critmin.sourcing.testsupport.Fixtures.anOfferItem;
import static com.critmin.sourcing.testsupport.Fixtures.etagOf;
import static com.critmin.sourcing.testsupport.Fixtures.givenMaterial;
import static com.critmin.sourcing.testsupport.Fixtures.givenSupplier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.critmin.sourcing.testsupport.Concurrently;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Idempotency-Key on POST /v1/offers: a retried bulk upsert answers the first result. */
@QuarkusTest
class OfferIdempotencyTest {
  private static final String OFFERS = "/v1/offers";

  private String supplier;
  private String material;

  @BeforeEach
  void givenSupplierAndMaterial() {
    supplier = givenSupplier("AU");
    material = givenMaterial();
  }

  @Test
  void retriedJsonBatchAnswersTheFirstResultAndWritesOnce() {
    String id = uniqueId("off");
    List<Object> batch = List.of(anOfferItem(id, supplier, material).json());
    String key = uniqueId("key");
    json(batch)
        .header("Idempotency-Key", key)
        .post(OFFERS)
        .then()
        .statusCode(200)
        .body("created", equalTo(1));
    String etag = etagOf(OFFERS + "/" + id);

    json(batch)
        .header("Idempotency-Key", key)
        .post(OFFERS)
        .then()
        .statusCode(200)
        .header("Idempotent-Replayed", "true")
        .body("created", equalTo(1))
        .body("updated", equalTo(0));
    assertThat(etagOf(OFFERS + "/" + id)).isEqualTo(etag);

    List<Object> changed =
        List.of(anOfferItem(id, supplier, material).with("capacity", 1.0).json());
    assertProblem(
            json(changed).header("Idempotency-Key", key).post(OFFERS).then(), 422, "validation")
        .body("errors[0].field", equalTo("Idempotency-Key"));
    assertThat(etagOf(OFFERS + "/" + id)).isEqualTo(etag);
  }

  @Test
  void anEmptyOrRepeatedKeyIs400AndWritesNothing() {
    String id = uniqueId("off");
    List<Object> batch = List.of(anOfferItem(id, supplier, material).json());
    for (String empty : new String[] {"", "   ", "\"\""}) {
      assertProblem(
              json(batch).header("Idempotency-Key", empty).post(OFFERS).then(),
              400,
              "malformed-request")
          .body("errors[0].field", equalTo("Idempotency-Key"));
    }
    assertProblem(
            json(batch)
                .header("Idempotency-Key", uniqueId("key"))
                .header("Idempotency-Key", uniqueId("key"))
                .post(OFFERS)
                .then(),
            400,
            "malformed-request")
        .body("errors[0].message", containsString("sent 2 times"));
    // A malformed key is refused before the body is judged (this body is not even an array).
    assertProblem(
            json(java.util.Map.of("not", "offers"))
                .header("Idempotency-Key", "k".repeat(300))
                .post(OFFERS)
                .then(),
            400,
            "malformed-request")
        .body("errors[0].field", equalTo("Idempotency-Key"));
    request().get(OFFERS + "/" + id).then().statusCode(404);
  }

  @Test
  void aKeyQuotedAsTheDraftWritesItIsTheBareKey() {
    String id = uniqueId("off");
    List<Object> batch = List.of(anOfferItem(id, supplier, material).json());
    String key = uniqueId("key");
    json(batch).header("Idempotency-Key", "\"" + key + "\"").post(OFFERS).then().statusCode(200);
    json(batch)
        .header("Idempotency-Key", key)
        .post(OFFERS)
        .then()
        .statusCode(200)
        .header("Idempotent-Replayed", "true");
  }

  @Test
  void retriedCsvAnswersTheFirstResult() {
    String id = uniqueId("off");
    String csv =
        "id,supplierId,material,capacity,unitPrice,currency\n"
            + id
            + ","
            + supplier
            + ","
            + material
            + ",500,82.5,USD\n";
    String key = uniqueId("key");
    for (int attempt = 0; attempt < 2; attempt++) {
      request()
          .contentType("text/csv")
          .header("Idempotency-Key", key)
          .body(csv)
          .post(OFFERS)
          .then()
          .statusCode(200)
          .body("created", equalTo(1));
    }
    assertProblem(
        request()
            .contentType("text/csv")
            .header("Idempotency-Key", key)
            .body(csv.replace("500", "600"))
            .post(OFFERS)
            .then(),
        422,
        "validation");
  }

  @Test
  void concurrentBatchesWithOneKeyWriteOnce() {
    String id = uniqueId("off");
    List<Object> batch = List.of(anOfferItem(id, supplier, material).json());
    String key = uniqueId("key");
    List<Concurrently.Timed<Response>> answers =
        Concurrently.atOnce(6, client -> json(batch).header("Idempotency-Key", key).post(OFFERS));
    for (Concurrently.Timed<Response> answer : answers) {
      assertThat(answer.result().statusCode()).isEqualTo(200);
      assertThat(answer.result().<Integer>path("created")).isEqualTo(1);
    }
  }
}
