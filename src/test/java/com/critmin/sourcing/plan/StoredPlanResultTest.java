package com.critmin.sourcing.plan;

import static com.critmin.sourcing.plan.PlanRequestBuilder.aPlanRequest;
import static com.critmin.sourcing.testsupport.Api.json;
import static com.critmin.sourcing.testsupport.Api.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.critmin.sourcing.testsupport.Polling;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A plan's answer is stored compressed, and read back as it was answered, in both modes; an answer
 * stored uncompressed before (result_json) is still read.
 */
@QuarkusTest
class StoredPlanResultTest {
  private static final String PLANS = "/v1/allocation-plans";

  @Inject DataSource dataSource;

  @Test
  void aSolvedPlanIsStoredCompressedAndReadAsAnswered() throws Exception {
    var created = created(null);
    String answered = created.asString();
    String id = created.path("id");
    String read = request().get(PLANS + "/" + id).then().statusCode(200).extract().asString();
    assertThat(read).isEqualTo(answered);
    byte[][] stored = columns(id);
    assertThat(stored[1]).as("result_json").isNull();
    assertThat(stored[0]).as("result_gzip").isNotNull();
    assertThat(stored[0].length).isLessThan(answered.getBytes(StandardCharsets.UTF_8).length);
    assertThat(GzipText.text(stored[0], "test")).isEqualTo(answered);
  }

  @Test
  void anAsynchronousPlanIsStoredCompressedThroughItsLife() throws Exception {
    String id = created("respond-async").path("id");
    String status =
        Polling.until(
            () -> request().get(PLANS + "/" + id).then().statusCode(200).extract().path("status"),
            "OPTIMAL"::equals,
            Duration.ofSeconds(30));
    assertThat(status).isEqualTo("OPTIMAL");
    byte[][] stored = columns(id);
    assertThat(stored[1]).as("result_json").isNull();
    assertThat(GzipText.text(stored[0], "test"))
        .isEqualTo(request().get(PLANS + "/" + id).then().extract().asString());
  }

  @Test
  void aPlanStoredBeforeAnswersWereCompressedIsStillRead() throws Exception {
    String id = created(null).path("id");
    String legacy = "{\"id\":\"" + id + "\",\"status\":\"OPTIMAL\",\"note\":\"stored before V36\"}";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE allocation_plan SET result_gzip = NULL, result_json = ? WHERE id = ?")) {
      update.setString(1, legacy);
      update.setString(2, id);
      assertThat(update.executeUpdate()).isEqualTo(1);
    }
    request()
        .get(PLANS + "/" + id)
        .then()
        .statusCode(200)
        .body("note", equalTo("stored before V36"));
  }

  /** A small plan created, synchronously or with {@code Prefer} (201 or 202). */
  private static ExtractableResponse<Response> created(String prefer) {
    var request = json(aPlanRequest().demand("NDPR", 10).offer("a", "AU", 50, 1).build());
    if (prefer != null) request.header("Prefer", prefer);
    return request.post(PLANS).then().statusCode(prefer == null ? 201 : 202).extract();
  }

  /** The plan's result_gzip and result_json (UTF-8) as stored. */
  private byte[][] columns(String id) throws Exception {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT result_gzip, result_json FROM allocation_plan WHERE id = ?")) {
      select.setString(1, id);
      try (ResultSet row = select.executeQuery()) {
        assertThat(row.next()).isTrue();
        String json = row.getString(2);
        return new byte[][] {
          row.getBytes(1), json == null ? null : json.getBytes(StandardCharsets.UTF_8)
        };
      }
    }
  }
}
