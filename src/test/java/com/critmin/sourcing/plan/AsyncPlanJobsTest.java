package com.critmin.sourcing.plan;

import static com.critmin.sourcing.plan.PlanRequestBuilder.aPlanRequest;
import static com.critmin.sourcing.testsupport.Api.PROBLEM_JSON;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.critmin.sourcing.testsupport.HeldJobsTestBase;
import com.critmin.sourcing.testsupport.SmallJobQueue;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The hard paths of asynchronous plans, decided by a clock the test moves: a full queue, a job
 * whose replica died (run again, or given up after its attempts), a job that keeps failing, and
 * cancellation.
 */
@QuarkusTest
@TestProfile(SmallJobQueue.class)
class AsyncPlanJobsTest extends HeldJobsTestBase {

  private static final Set<String> FINAL =
      Set.of("OPTIMAL", "INFEASIBLE", "TIME_LIMIT", "FAILED", "CANCELLED");

  @Test
  void fullQueueAnswers503WithRetryAfterAndStoresNothing() throws Exception {
    String first = submit();
    String second = submit();
    given()
        .contentType(ContentType.JSON)
        .header("Prefer", "respond-async")
        .body(request())
        .when()
        .post("/v1/allocation-plans")
        .then()
        .statusCode(503)
        .contentType(PROBLEM_JSON)
        .header("Retry-After", equalTo("10"))
        .body("detail", containsString("queue is full"));
    assertThat(jobs.queueDepth()).isEqualTo(2);
    assertThat(metrics.get("sourcing.jobs.queue.depth").gauge().value()).isEqualTo(2);

    jobs.resume();
    assertThat(awaitFinal(first)).isEqualTo("OPTIMAL");
    assertThat(awaitFinal(second)).isEqualTo("OPTIMAL");
    assertThat(jobs.queueDepth()).isZero();
  }

  @Test
  void jobOfADeadReplicaRunsAgainElsewhere() throws Exception {
    String plan = submit();
    table.holdAsDeadReplica(plan, clock.instant(), 0);
    double retriesBefore = metrics.get("sourcing.jobs.retries").counter().count();
    jobs.resume();

    // Alive as long as the clock says its heartbeat is recent: nobody takes it.
    assertThat(table.pickedBy(plan)).contains("dead-replica");
    clock.advance(Duration.ofSeconds(1));

    assertThat(awaitFinal(plan)).isEqualTo("OPTIMAL");
    assertThat(table.pickedBy(plan)).isEmpty();
    assertThat(metrics.get("sourcing.jobs.retries").counter().count()).isEqualTo(retriesBefore + 1);
  }

  @Test
  void jobWhoseReplicasKeepDyingEndsFailed() throws Exception {
    String plan = submit();
    // One attempt already died; the second one dies too: max-attempts (2) is reached.
    table.holdAsDeadReplica(plan, clock.instant(), 1);
    jobs.resume();
    clock.advance(Duration.ofSeconds(1));

    assertThat(awaitFinal(plan)).isEqualTo("FAILED");
    given()
        .when()
        .get("/v1/allocation-plans/" + plan)
        .then()
        .body("failure", containsString("given up after 2 attempts"))
        .body("completedAt", org.hamcrest.Matchers.notNullValue());
    assertThat(table.pickedBy(plan)).isEmpty();
  }

  @Test
  void jobThatKeepsFailingEndsFailedAfterItsAttempts() throws Exception {
    String plan = submit();
    table.corruptInput(plan);
    jobs.resume();
    // The first attempt fails and waits retry-delay (1 h) on the clock: nothing moves until then.
    // (Waiting for the failure itself: the row also waits, unpicked, before the first attempt; a
    // clock moved before that attempt would put its retry an hour further away.)
    pollUntil(() -> table.consecutiveFailures("plan", plan), n -> n >= 1);
    awaitJob(plan, Optional.of(""));
    assertThat(status(plan)).isIn("PENDING", "RUNNING");

    clock.advance(Duration.ofHours(1));
    jobs.resume();
    assertThat(awaitFinal(plan)).isEqualTo("FAILED");
    assertThat(table.pickedBy(plan)).isEmpty();
  }

  @Test
  void pendingPlanIsCancelledAndNeverSolved() throws Exception {
    String plan = submit();
    given()
        .when()
        .delete("/v1/allocation-plans/" + plan)
        .then()
        .statusCode(200)
        .body("status", equalTo("CANCELLED"))
        .body("completedAt", org.hamcrest.Matchers.notNullValue());
    assertThat(table.pickedBy(plan)).isEmpty();
    assertThat(jobs.queueDepth()).isZero();

    jobs.resume();
    assertThat(status(plan)).isEqualTo("CANCELLED");
    given()
        .when()
        .delete("/v1/allocation-plans/" + plan)
        .then()
        .statusCode(409)
        .contentType(PROBLEM_JSON);
  }

  @Test
  void runningPlanHeldElsewhereIsCancelledAndItsLateResultDropped() throws Exception {
    String plan = submit();
    table.holdAsDeadReplica(plan, clock.instant(), 0);
    given()
        .when()
        .delete("/v1/allocation-plans/" + plan)
        .then()
        .statusCode(200)
        .body("status", equalTo("CANCELLED"));
    // The replica holding it "dies"; the job runs again here and finds the plan final.
    jobs.resume();
    clock.advance(Duration.ofSeconds(1));
    awaitJob(plan, Optional.empty());
    assertThat(status(plan)).isEqualTo("CANCELLED");
  }

  @Test
  void cancellingUnknownOrFinalPlans() {
    given().when().delete("/v1/allocation-plans/no-such-plan").then().statusCode(404);
    String solved =
        given()
            .contentType(ContentType.JSON)
            .body(request())
            .when()
            .post("/v1/allocation-plans")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    given()
        .when()
        .delete("/v1/allocation-plans/" + solved)
        .then()
        .statusCode(409)
        .contentType(PROBLEM_JSON)
        .body("detail", containsString("OPTIMAL"));
  }

  private static Object request() {
    return aPlanRequest()
        .demand("NDPR_OXIDE", 100)
        .offer("cn", "CN", 100, 70)
        .offer("au", "AU", 100, 80)
        .maxCountryShare(0.6)
        .build();
  }

  private static String submit() {
    return given()
        .contentType(ContentType.JSON)
        .header("Prefer", "respond-async")
        .body(request())
        .when()
        .post("/v1/allocation-plans")
        .then()
        .statusCode(202)
        .body("status", equalTo("PENDING"))
        .extract()
        .path("id");
  }

  private static String status(String plan) {
    return given()
        .when()
        .get("/v1/allocation-plans/" + plan)
        .then()
        .statusCode(200)
        .extract()
        .path("status");
  }

  /** Polls until the plan is final; the clock, not this wait, decides when that may happen. */
  private static String awaitFinal(String plan) throws Exception {
    return awaitFinal(() -> status(plan), FINAL);
  }

  /** Polls until the job's row is as expected (empty: gone; "": waiting). */
  private void awaitJob(String plan, Optional<String> expected) throws Exception {
    assertThat(pollUntil(() -> table.pickedBy(plan), expected::equals)).isEqualTo(expected);
  }
}
