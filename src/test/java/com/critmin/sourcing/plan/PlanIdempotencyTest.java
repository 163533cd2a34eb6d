package com.critmin.sourcing.plan;

import static com.critmin.sourcing.plan.PlanRequestBuilder.aPlanRequest;
import static com.critmin.sourcing.testsupport.Api.assertProblem;
import static com.critmin.sourcing.testsupport.Api.json;
import static com.critmin.sourcing.testsupport.Api.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.critmin.sourcing.idempotency.IdempotencyKeys;
import com.critmin.sourcing.testsupport.Concurrently;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Idempotency-Key on POST /v1/allocation-plans: a retry gets the first plan, never a second. */
@QuarkusTest
class PlanIdempotencyTest {
  private static final String PLANS = "/v1/allocation-plans";

  @Inject EntityManager entityManager;
  @Inject IdempotencyKeys idempotencyKeys;

  private static Map<String, Object> request(double quantity) {
    return aPlanRequest()
        .demand("NDPR_OXIDE", quantity)
        .offer("cn", "CN", 100, 70)
        .offer("au", "AU", 100, 80)
        .maxCountryShare(0.6)
        .build();
  }

  private static Response post(String key, Object body) {
    return json(body).header("Idempotency-Key", key).post(PLANS);
  }

  @Test
  void sameKeyAndBodyAnswersTheFirstPlanAgain() {
    String key = uniqueId("key");
    Response first = post(key, request(100));
    first.then().statusCode(201).body("status", equalTo("OPTIMAL"));
    String id = first.path("id");

    Response again = post(key, request(100));
    again
        .then()
        .statusCode(201)
        .header("Location", first.header("Location"))
        .header("Idempotent-Replayed", "true")
        .body("id", equalTo(id))
        .body("completedAt", equalTo(first.<String>path("completedAt")));
    assertThat(again.asString()).isEqualTo(first.asString());
    assertThat(storedPlans(id)).isEqualTo(1);
  }

  @Test
  void memberOrderAndWhitespaceDoNotMakeAnotherRequest() {
    String key = uniqueId("key");
    String body =
        "{\"demand\": [{\"material\": \"TB\", \"quantity\": 10}], \"offers\": [{\"id\": \"a\","
            + " \"material\": \"TB\", \"supplier\": {\"id\": \"s\", \"country\": \"AU\"},"
            + " \"capacity\": 20, \"unitPrice\": 5, \"origins\": {\"MINING\": \"AU\","
            + " \"SEPARATION\": \"MY\"}}]}";
    String reordered =
        "{\"offers\":[{\"origins\":{\"SEPARATION\":\"MY\",\"MINING\":\"AU\"},\"unitPrice\":5,"
            + "\"capacity\":20,\"supplier\":{\"country\":\"AU\",\"id\":\"s\"},\"material\":\"TB\","
            + "\"id\":\"a\"}],\"demand\":[{\"quantity\":10,\"material\":\"TB\"}]}";
    String id = post(key, body).then().statusCode(201).extract().path("id");
    post(key, reordered).then().statusCode(201).body("id", equalTo(id));
  }

  @Test
  void sameKeyWithAnotherBodyIs422AndSolvesNothing() {
    String key = uniqueId("key");
    String id = post(key, request(100)).then().statusCode(201).extract().path("id");
    assertProblem(post(key, request(120)).then(), 422, "validation")
        .body("errors[0].field", equalTo("Idempotency-Key"))
        .body("detail", containsString("different request"));
    // Another response mode is another request too.
    assertProblem(
        json(request(100))
            .header("Idempotency-Key", key)
            .header("Prefer", "respond-async")
            .post(PLANS)
            .then(),
        422,
        "validation");
    assertThat(storedPlans(id)).isEqualTo(1);
  }

  @Test
  void asyncRetryAnswers202WithTheSamePlan() {
    String key = uniqueId("key");
    Response first =
        json(request(100))
            .header("Idempotency-Key", key)
            .header("Prefer", "respond-async")
            .post(PLANS);
    first.then().statusCode(202).body("status", equalTo("PENDING"));
    json(request(100))
        .header("Idempotency-Key", key)
        .header("Prefer", "respond-async")
        .post(PLANS)
        .then()
        .statusCode(202)
        .header("Location", first.header("Location"))
        .header("Preference-Applied", "respond-async")
        .body("id", equalTo(first.<String>path("id")));
  }

  @Test
  void concurrentRequestsWithOneKeyMakeOnePlan() {
    String key = uniqueId("key");
    Map<String, Object> body = request(100);
    List<Concurrently.Timed<Response>> answers = Concurrently.atOnce(8, client -> post(key, body));
    String id = answers.get(0).result().path("id");
    for (Concurrently.Timed<Response> answer : answers) {
      assertThat(answer.result().statusCode()).isEqualTo(201);
      assertThat(answer.result().<String>path("id")).isEqualTo(id);
    }
    assertThat(storedPlans(id)).isEqualTo(1);
  }

  @Test
  void aRejectedRequestDoesNotUseUpItsKey() {
    String key = uniqueId("key");
    Map<String, Object> invalid = request(-1);
    assertProblem(post(key, invalid).then(), 422, "validation");
    post(key, request(100)).then().statusCode(201);
  }

  @Test
  void malformedKeyIs400() {
    assertProblem(post("two words", request(100)).then(), 400, "malformed-request")
        .body("errors[0].field", equalTo("Idempotency-Key"));
    assertProblem(post("x".repeat(256), request(100)).then(), 400, "malformed-request");
  }

  @Test
  void expiredKeysArePurgedAndMayBeUsedAgain() {
    String key = uniqueId("key");
    String first = post(key, request(100)).then().statusCode(201).extract().path("id");
    ageKeys(key, 25);
    // Past the retention the key is free: another request under it is a new plan, not a 422.
    String second = post(key, request(120)).then().statusCode(201).extract().path("id");
    assertThat(second).isNotEqualTo(first);

    ageKeys(key, 25);
    assertThat(idempotencyKeys.purgeExpired()).isGreaterThanOrEqualTo(1);
    assertThat(keysStored(key)).isZero();
  }

  private void ageKeys(String key, int hours) {
    Instant old = Instant.now().minus(hours, ChronoUnit.HOURS);
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createQuery(
                        "update IdempotencyRecord r set r.createdAt = :old where r.key = :k")
                    .setParameter("old", old)
                    .setParameter("k", key)
                    .executeUpdate());
  }

  private long keysStored(String key) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                entityManager
                    .createQuery(
                        "select count(r) from IdempotencyRecord r where r.key = :k", Long.class)
                    .setParameter("k", key)
                    .getSingleResult());
  }

  /** Plans stored with the same input digest as this one: the solves this test caused. */
  private long storedPlans(String id) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                entityManager
                    .createQuery(
                        "select count(p) from AllocationPlan p where p.inputDigest ="
                            + " (select q.inputDigest from AllocationPlan q where q.id = :id)"
                            + " and p.createdAt >= (select q.createdAt from AllocationPlan q"
                            + " where q.id = :id)",
                        Long.class)
                    .setParameter("id", id)
                    .getSingleResult());
  }
}
