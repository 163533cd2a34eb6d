package com.critmin.sourcing.offer;

import static com.critmin.sourcing.testsupport.Api.assertProblem;
import static com.critmin.sourcing.testsupport.Api.json;
import static com.critmin.sourcing.testsupport.Api.request;
import static com.critmin.sourcing.testsupport.Fixtures.anOffer;
import static com.critmin.sourcing.testsupport.Fixtures.givenMaterial;
import static com.critmin.sourcing.testsupport.Fixtures.givenOffer;
import static com.critmin.sourcing.testsupport.Fixtures.givenSupplier;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** GET /v1/offers?updatedSince=...: the offers created or changed since the last sync. */
@QuarkusTest
class OfferIncrementalSyncTest {

  @Test
  void updatedSinceListsOnlyWhatChangedSince() throws InterruptedException {
    String supplier = givenSupplier("AU");
    String material = givenMaterial();
    String unchanged = givenOffer(supplier, material);
    String changed = givenOffer(supplier, material);
    Thread.sleep(20);
    Instant lastSync = Instant.now();
    Thread.sleep(20);
    json(anOffer(supplier, material).with("capacity", 7.0))
        .put("/v1/offers/" + changed)
        .then()
        .statusCode(200);
    String created = givenOffer(supplier, material);

    java.util.List<String> expected =
        new java.util.ArrayList<>(java.util.List.of(changed, created));
    java.util.Collections.sort(expected);
    request()
        .queryParam("material", material)
        .queryParam("updatedSince", lastSync.toString())
        .get("/v1/offers")
        .then()
        .statusCode(200)
        .body("items.id", contains(expected.toArray()));
    request()
        .queryParam("material", material)
        .get("/v1/offers")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(3));
    org.assertj.core.api.Assertions.assertThat(unchanged).isNotIn(expected);
  }

  @Test
  void aMalformedInstantIs400() {
    assertProblem(
            request().get("/v1/offers?updatedSince=yesterday").then(), 400, "malformed-request")
        .body("errors[0].field", equalTo("updatedSince"));
  }
}
