package com.critmin.sourcing.job;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.critmin.sourcing.testsupport.JobTable;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A replica that stops keeps nothing: queued plans stay queued for the other replicas, and a job it
 * still holds after the shutdown timeout is released at once instead of waiting for its heartbeat
 * to time out.
 */
@QuarkusTest
@TestProfile(JobsShutdownTest.OwnApplication.class)
class JobsShutdownTest {

  /** An application of its own: this test stops its job runner. */
  public static class OwnApplication implements QuarkusTestProfile {}

  @Inject Jobs jobs;
  @Inject DataSource dataSource;

  @Test
  void stoppingReplicaLeavesQueuedPlansQueuedAndReleasesWhatItHolds() throws Exception {
    JobTable table = new JobTable(dataSource);
    jobs.pause();
    String queued = submit();
    String held = submit();
    // As if this replica had taken the second one and were still solving it at the timeout.
    table.holdAs(held, jobs.replicaName(), Instant.now());

    jobs.stop();

    assertThat(table.pickedBy(queued)).contains("");
    assertThat(table.pickedBy(held)).as("released for another replica").contains("");
    assertThat(status(queued)).isEqualTo("PENDING");
    assertThat(status(held)).isEqualTo("PENDING");
    // A replica that no longer runs jobs still accepts them, for the others.
    String later = submit();
    assertThat(table.pickedBy(later)).contains("");
  }

  private static String submit() {
    return given()
        .contentType(ContentType.JSON)
        .header("Prefer", "respond-async")
        .body(
            """
            {"demand": [{"material": "NDPR_OXIDE", "quantity": 100}], "policy": {"maxCountryShare": 0.6},
             "offers": [
              {"id": "cn", "material": "NDPR_OXIDE", "supplier": {"id": "cn", "country": "CN"}, "capacity": 100, "unitPrice": 70},
              {"id": "au", "material": "NDPR_OXIDE", "supplier": {"id": "au", "country": "AU"}, "capacity": 100, "unitPrice": 80}]}""")
        .when()
        .post("/v1/allocation-plans")
        .then()
        .statusCode(202)
        .body("status", equalTo("PENDING"))
        .extract()
        .path("id");
  }

  private static String status(String plan) {
    return given().when().get("/v1/allocation-plans/" + plan).then().extract().path("status");
  }
}
