package com.critmin.sourcing.analysis;

import static com.critmin.sourcing.testsupport.Api.PROBLEM_JSON;
import static com.critmin.sourcing.testsupport.Api.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import com.critmin.sourcing.testsupport.HeldJobsTestBase;
import com.critmin.sourcing.testsupport.SmallJobQueue;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Asynchronous frontiers and stress tests are jobs like plans (kinds "frontier" and "stress-test"),
 * decided by a clock the test moves: a full queue, a job whose replica died (run again, or given up
 * after its attempts), a job that keeps failing, and cancellation.
 */
@QuarkusTest
@TestProfile(SmallJobQueue.class)
class AsyncAnalysisJobsTest extends HeldJobsTestBase {
  private static final Set<String> FINAL = Set.of("COMPLETED", "TIME_LIMIT", "FAILED", "CANCELLED");

  @Test
  void fullQueueAnswers503WithRetryAfterAndStoresNothing() throws Exception {
    long free = 2 - jobs.queueDepth();
    assertThat(free).isPositive();
    String first = submit("/v1/frontiers");
    String second = free > 1 ? submit("/v1/stress-tests") : null;
    int stressTestsBefore = stressTestCount();
    request()
        .contentType(ContentType.JSON)
        .header("Prefer", "respond-async")
        .body(AnalysisResourceTest.threeCountries(Map.of()))
        .post("/v1/stress-tests")
        .then()
        .statusCode(503)
        .contentType(PROBLEM_JSON)
        .header("Retry-After", equalTo("10"))
        .body("detail", containsString("queue is full"));
    assertThat(jobs.queueDepth()).isEqualTo(2);
    assertThat(stressTestCount()).isEqualTo(stressTestsBefore);

    jobs.resume();
    assertThat(awaitFinal("/v1/frontiers/" + first)).isEqualTo("COMPLETED");
    if (second != null) {
      assertThat(awaitFinal("/v1/stress-tests/" + second)).isEqualTo("COMPLETED");
    }
  }

  @Test
  void frontierJobOfADeadReplicaRunsAgainElsewhere() throws Exception {
    String frontier = submit("/v1/frontiers");
    table.holdAsDeadReplica("frontier", frontier, clock.instant(), 0);
    double retriesBefore = metrics.get("sourcing.jobs.retries").counter().count();
    jobs.resume();

    // Alive as long as the clock says its heartbeat is recent: nobody takes it.
    assertThat(table.pickedBy("frontier", frontier)).contains("dead-replica");
    clock.advance(Duration.ofSeconds(1));

    assertThat(awaitFinal("/v1/frontiers/" + frontier)).isEqualTo("COMPLETED");
    request()
        .get("/v1/frontiers/" + frontier)
        .then()
        .body("points", hasSize(5))
        .body("breakpoints", hasSize(1))
        .body("breakpoints[0].level", closeTo(0.5, 1e-9))
        .body("vary.kind", equalTo("MAX_COUNTRY_SHARE"));
    assertThat(table.pickedBy("frontier", frontier)).isEmpty();
    assertThat(metrics.get("sourcing.jobs.retries").counter().count()).isEqualTo(retriesBefore + 1);
  }

  @Test
  void stressTestWhoseReplicasKeepDyingEndsFailed() throws Exception {
    String test = submit("/v1/stress-tests");
    // One attempt already died; the second one dies too: max-attempts (2) is reached.
    table.holdAsDeadReplica("stress-test", test, clock.instant(), 1);
    jobs.resume();
    clock.advance(Duration.ofSeconds(1));

    assertThat(awaitFinal("/v1/stress-tests/" + test)).isEqualTo("FAILED");
    request()
        .get("/v1/stress-tests/" + test)
        .then()
        .body("error", containsString("given up after 2 attempts"))
        .body("completedAt", notNullValue());
    assertThat(table.pickedBy("stress-test", test)).isEmpty();
  }

  @Test
  void frontierJobThatKeepsFailingEndsFailedAfterItsAttempts() throws Exception {
    String frontier = submit("/v1/frontiers");
    table.corruptAnalysisInput(frontier);
    jobs.resume();
    // The first attempt fails and waits retry-delay (1 h) on the clock: nothing moves until then.
    // (Waiting for the failure itself: the row also waits, unpicked, before the first attempt.)
    awaitFailures("frontier", frontier, 1);
    awaitJob("frontier", frontier, Optional.of(""));
    assertThat(status("/v1/frontiers/" + frontier)).isIn("PENDING", "RUNNING");

    clock.advance(Duration.ofHours(1));
    jobs.resume();
    assertThat(awaitFinal("/v1/frontiers/" + frontier)).isEqualTo("FAILED");
    request()
        .get("/v1/frontiers/" + frontier)
        .then()
        .body("error", containsString("given up"))
        .body("vary.kind", equalTo("MAX_COUNTRY_SHARE"));
    assertThat(table.pickedBy("frontier", frontier)).isEmpty();
  }

  @Test
  void pendingFrontierIsCancelledAndNeverComputed() throws Exception {
    String frontier = submit("/v1/frontiers");
    request()
        .delete("/v1/frontiers/" + frontier)
        .then()
        .statusCode(200)
        .body("status", equalTo("CANCELLED"))
        .body("completedAt", notNullValue())
        .body("vary.kind", equalTo("MAX_COUNTRY_SHARE"));
    assertThat(table.pickedBy("frontier", frontier)).isEmpty();

    jobs.resume();
    assertThat(status("/v1/frontiers/" + frontier)).isEqualTo("CANCELLED");
    request()
        .delete("/v1/frontiers/" + frontier)
        .then()
        .statusCode(409)
        .contentType(PROBLEM_JSON)
        .body("detail", containsString("CANCELLED"));
    // A frontier is not a stress test.
    request().delete("/v1/stress-tests/" + frontier).then().statusCode(404);
  }

  @Test
  void runningStressTestHeldElsewhereIsCancelledAndItsLateResultDropped() throws Exception {
    String test = submit("/v1/stress-tests");
    table.holdAsDeadReplica("stress-test", test, clock.instant(), 0);
    request()
        .delete("/v1/stress-tests/" + test)
        .then()
        .statusCode(200)
        .body("status", equalTo("CANCELLED"));
    // The replica holding it "dies"; the job runs again here and finds the run final.
    jobs.resume();
    clock.advance(Duration.ofSeconds(1));
    awaitJob("stress-test", test, Optional.empty());
    assertThat(status("/v1/stress-tests/" + test)).isEqualTo("CANCELLED");
  }

  @Test
  void cancellingUnknownOrFinalRuns() {
    request().delete("/v1/frontiers/no-such-run").then().statusCode(404).contentType(PROBLEM_JSON);
    request().delete("/v1/stress-tests/no-such-run").then().statusCode(404);
    String done =
        request()
            .contentType(ContentType.JSON)
            .body(AnalysisResourceTest.threeCountries(Map.of()))
            .post("/v1/stress-tests")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    request()
        .delete("/v1/stress-tests/" + done)
        .then()
        .statusCode(409)
        .contentType(PROBLEM_JSON)
        .body("detail", containsString("COMPLETED"));
  }

  private static String submit(String path) {
    Map<String, Object> extra = path.endsWith("frontiers") ? Map.of("points", 5) : Map.of();
    return request()
        .contentType(ContentType.JSON)
        .header("Prefer", "respond-async")
        .body(AnalysisResourceTest.threeCountries(extra))
        .post(path)
        .then()
        .statusCode(202)
        .body("status", equalTo("PENDING"))
        .extract()
        .path("id");
  }

  private static int stressTestCount() {
    return request()
        .get("/v1/stress-tests?limit=1000")
        .then()
        .statusCode(200)
        .extract()
        .path("items.size()");
  }

  private static String status(String location) {
    return request().get(location).then().statusCode(200).extract().path("status");
  }

  /** Polls until the run is final; the clock, not this wait, decides when that may happen. */
  private static String awaitFinal(String location) throws Exception {
    return awaitFinal(() -> status(location), FINAL);
  }

  /** Polls until the job's row is as expected (empty: gone; "": waiting). */
  private void awaitJob(String kind, String id, Optional<String> expected) throws Exception {
    assertThat(pollUntil(() -> table.pickedBy(kind, id), expected::equals)).isEqualTo(expected);
  }

  /** Polls until the job has failed this many attempts. */
  private void awaitFailures(String kind, String id, int failures) throws Exception {
    assertThat(pollUntil(() -> table.consecutiveFailures(kind, id), n -> n >= failures))
        .isEqualTo(failures);
  }
}
