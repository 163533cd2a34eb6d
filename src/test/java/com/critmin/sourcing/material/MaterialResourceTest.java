package com.critmin.sourcing.material;

import static com.critmin.sourcing.testsupport.Api.assertProblem;
import static com.critmin.sourcing.testsupport.Api.json;
import static com.critmin.sourcing.testsupport.Api.request;
import static com.critmin.sourcing.testsupport.Api.uniqueId;
import static com.critmin.sourcing.testsupport.Fixtures.aMaterial;
import static com.critmin.sourcing.testsupport.Fixtures.etagOf;
import static com.critmin.sourcing.testsupport.Fixtures.givenMaterial;
import static com.critmin.sourcing.testsupport.Fixtures.givenOffer;
import static com.critmin.sourcing.testsupport.Fixtures.givenSupplier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import com.critmin.sourcing.testsupport.Paging;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MaterialResourceTest {
  private static final String MATERIALS = "/v1/materials/";

  @Test
  void putCreatesThenReplacesAndGetReturnsBodyAndEtag() {
    String id = uniqueId("NDPR_OXIDE");

    String created =
        json(aMaterial())
            .put(MATERIALS + id)
            .then()
            .statusCode(201)
            .header("Location", endsWith(MATERIALS + id))
            .header("ETag", notNullValue())
            .body("id", equalTo(id))
            .body("name", equalTo("NdPr oxide"))
            .body("unit", equalTo("t"))
            .extract()
            .header("ETag");

    String replaced =
        json(aMaterial().with("name", "NdPr oxide 99.5 %").with("unit", "kg"))
            .put(MATERIALS + id)
            .then()
            .statusCode(200)
            .header("ETag", notNullValue())
            .body("unit", equalTo("kg"))
            .extract()
            .header("ETag");
    assertThat(replaced).isNotEqualTo(created);

    request()
        .get(MATERIALS + id)
        .then()
        .statusCode(200)
        .header("ETag", equalTo(replaced))
        .body("id", equalTo(id))
        .body("name", equalTo("NdPr oxide 99.5 %"))
        .body("unit", equalTo("kg"))
        .body("createdAt", notNullValue())
        .body("updatedAt", notNullValue());
  }

  @Test
  void deleteAnswers204ThenGetAnswers404() {
    String id = givenMaterial();

    request().delete(MATERIALS + id).then().statusCode(204);

    assertProblem(request().get(MATERIALS + id).then(), 404, "not-found");
    assertProblem(request().delete(MATERIALS + id).then(), 404, "not-found");
  }

  @Test
  void listPagesThroughEveryMaterialOnceInIdOrder() {
    String prefix = uniqueId("page");
    List<String> mine = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      String id = prefix + "-" + i;
      json(aMaterial()).put(MATERIALS + id).then().statusCode(201);
      mine.add(id);
    }

    List<String> all = Paging.allIds("/v1/materials", 3);

    assertThat(new HashSet<>(all)).as("no duplicates").hasSameSizeAs(all);
    assertThat(all).containsSubsequence(mine);
  }

  @Test
  void staleIfMatchIs412AndChangesNothing() {
    String id = givenMaterial();
    String first = etagOf(MATERIALS + id);
    json(aMaterial().with("unit", "kg"))
        .header("If-Match", first)
        .put(MATERIALS + id)
        .then()
        .statusCode(200);

    assertProblem(
        json(aMaterial().with("unit", "lb")).header("If-Match", first).put(MATERIALS + id).then(),
        412,
        "precondition-failed");
    assertProblem(
        request().header("If-Match", first).delete(MATERIALS + id).then(),
        412,
        "precondition-failed");

    request().get(MATERIALS + id).then().statusCode(200).body("unit", equalTo("kg"));
  }

  @Test
  void matchingIfMatchReplacesAndDeletes() {
    String id = givenMaterial();

    String next =
        json(aMaterial().with("unit", "kg"))
            .header("If-Match", etagOf(MATERIALS + id))
            .put(MATERIALS + id)
            .then()
            .statusCode(200)
            .extract()
            .header("ETag");
    json(aMaterial().with("unit", "g"))
        .header("If-Match", "*")
        .put(MATERIALS + id)
        .then()
        .statusCode(200);

    assertProblem(
        request().header("If-Match", next).delete(MATERIALS + id).then(),
        412,
        "precondition-failed");
    request()
        .header("If-Match", etagOf(MATERIALS + id))
        .delete(MATERIALS + id)
        .then()
        .statusCode(204);
  }

  @Test
  void ifMatchStarOnMissingMaterialIs412AndCreatesNothing() {
    String id = uniqueId("mat");

    assertProblem(
        json(aMaterial()).header("If-Match", "*").put(MATERIALS + id).then(),
        412,
        "precondition-failed");

    assertProblem(request().get(MATERIALS + id).then(), 404, "not-found");
  }

  @Test
  void ifMatchOnDeletingAMissingMaterialIs412() {
    String id = uniqueId("mat");

    assertProblem(
        request().header("If-Match", "*").delete(MATERIALS + id).then(),
        412,
        "precondition-failed");
    assertProblem(
        request().header("If-Match", "\"1-abc\"").delete(MATERIALS + id).then(),
        412,
        "precondition-failed");
  }

  @Test
  void invalidBodyIs422NamingEachFieldAndChangesNothing() {
    String id = givenMaterial();

    assertProblem(
            json(aMaterial().with("name", " ").with("unit", "metric tonnes"))
                .put(MATERIALS + id)
                .then(),
            422,
            "validation")
        .body("errors.field", hasItem("name"))
        .body("errors.field", hasItem("unit"))
        .body("errors.message", not(hasItem((Object) null)));
    assertProblem(json(aMaterial().without("unit")).put(MATERIALS + id).then(), 422, "validation")
        .body("errors.field", hasItem("unit"));

    request()
        .get(MATERIALS + id)
        .then()
        .statusCode(200)
        .body("name", equalTo("NdPr oxide"))
        .body("unit", equalTo("t"));
  }

  @Test
  void invalidIdInPathIs400AndCreatesNothing() {
    String tooLong = "m".repeat(65);

    assertProblem(json(aMaterial()).put(MATERIALS + tooLong).then(), 400, "malformed-request")
        .body("errors.field", hasItem("id"));
    assertProblem(json(aMaterial()).put(MATERIALS + "ndpr!oxide").then(), 400, "malformed-request")
        .body("errors.field", hasItem("id"));

    assertProblem(request().get(MATERIALS + tooLong).then(), 404, "not-found");
  }

  @Test
  void missingBodyIs400() {
    assertProblem(
            request().contentType("application/json").put(MATERIALS + uniqueId("mat")).then(),
            400,
            "malformed-request")
        .body("errors.field", hasItem("body"));
  }

  @Test
  void deletingAMaterialThatAnOfferUsesIs409AndKeepsIt() {
    String material = givenMaterial();
    givenOffer(givenSupplier("AU"), material);

    assertProblem(request().delete(MATERIALS + material).then(), 409, "conflict");

    request().get(MATERIALS + material).then().statusCode(200);
  }

  @Test
  void concurrentPutsOfOneIdTakeTurnsInsteadOfFailing() throws Exception {
    String id = givenMaterial();
    List<Integer> replaces =
        concurrently(
            16, i -> json(aMaterial().with("name", "Name " + i)).put(MATERIALS + id).statusCode());
    assertThat(replaces).containsOnly(200);

    String fresh = uniqueId("race");
    List<Integer> creates =
        concurrently(
            16,
            i -> json(aMaterial().with("name", "Name " + i)).put(MATERIALS + fresh).statusCode());
    // Racing creates of a new id: one creates, the others replace or are told to retry; none fails.
    assertThat(creates).isSubsetOf(200, 201, 409);
    assertThat(creates).containsOnlyOnce(201);
    request().get(MATERIALS + fresh).then().statusCode(200);
  }

  private static List<Integer> concurrently(int requests, IntFunction<Integer> call)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(requests);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> futures = new ArrayList<>();
      for (int i = 0; i < requests; i++) {
        int n = i;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return call.apply(n);
                }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> future : futures) {
        statuses.add(future.get(60, TimeUnit.SECONDS));
      }
      return statuses;
    } finally {
      pool.shutdownNow();
    }
  }
}
