package com.critmin.sourcing.durability;

import static com.critmin.sourcing.testsupport.Api.assertProblem;
import static com.critmin.sourcing.testsupport.Api.json;
import static com.critmin.sourcing.testsupport.Api.request;
import static com.critmin.sourcing.testsupport.Api.uniqueId;
import static com.critmin.sourcing.testsupport.Fixtures.aSupplier;
import static com.critmin.sourcing.testsupport.Fixtures.anOfferItem;
import static com.critmin.sourcing.testsupport.Fixtures.givenMaterial;
import static com.critmin.sourcing.testsupport.Fixtures.givenOffer;
import static com.critmin.sourcing.testsupport.Fixtures.givenSupplier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A write that cannot get its rows within the lock timeout gets 503 with Retry-After and leaves
 * nothing behind; readiness is DOWN while the store cannot commit though it can connect.
 */
@QuarkusTest
@TestProfile(LockTimeoutTest.ShortTimeouts.class)
class LockTimeoutTest {
  private static final long LOCK_TIMEOUT_MILLIS = 1000;

  /** A one-second lock timeout and readiness probe, so that waiting past them is quick. */
  public static class ShortTimeouts implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "sourcing.database.lock-timeout",
          LOCK_TIMEOUT_MILLIS + "ms",
          "sourcing.database.probe-timeout",
          "1s");
    }
  }

  @Inject AgroalDataSource dataSource;

  @Test
  void putOfARowHeldPastTheLockTimeoutIs503AndWaitsNoLonger() throws Exception {
    String id = givenSupplier("AU");
    try (Connection holder = lock("SELECT id FROM supplier WHERE id = ? FOR UPDATE", id)) {
      long start = System.nanoTime();
      Response answer = json(aSupplier().with("name", "Blocked")).put("/v1/suppliers/" + id);
      long millis = (System.nanoTime() - start) / 1_000_000;

      assertProblem(answer.then(), 503, "service-unavailable");
      assertThat(answer.header("Retry-After")).matches("[1-9][0-9]*");
      assertThat(millis).isBetween(LOCK_TIMEOUT_MILLIS - 100, LOCK_TIMEOUT_MILLIS + 5_000);
      holder.rollback();
    }
    request().get("/v1/suppliers/" + id).then().body("name", equalTo("Lynas Rare Earths"));
    json(aSupplier().with("name", "Free")).put("/v1/suppliers/" + id).then().statusCode(200);
  }

  @Test
  void bulkThatCannotLockOneOfItsRowsIs503AndWritesNoneOfThem() throws Exception {
    String supplier = givenSupplier("AU");
    String material = givenMaterial();
    String held = givenOffer(supplier, material);
    String fresh = uniqueId("off");
    List<Map<String, Object>> batch =
        List.of(
            anOfferItem(fresh, supplier, material).json(),
            anOfferItem(held, supplier, material).with("capacity", 7.0).json());
    try (Connection holder = lock("SELECT id FROM offer WHERE id = ? FOR UPDATE", held)) {
      Response answer = json(batch).post("/v1/offers");
      assertProblem(answer.then(), 503, "service-unavailable");
      assertThat(answer.header("Retry-After")).isNotBlank();
      holder.rollback();
    }
    request().get("/v1/offers/" + fresh).then().statusCode(404);
    request().get("/v1/offers/" + held).then().body("capacity", equalTo(500.0));

    json(batch).post("/v1/offers").then().statusCode(200).body("created", equalTo(1));
  }

  @Test
  void readinessIsDownWhileTheStoreCannotCommitAndUpAgainAfter() throws Exception {
    request().get("/q/health/ready").then().statusCode(200);
    try (Connection holder = lock("SELECT replica FROM store_probe FOR UPDATE", null)) {
      request()
          .get("/q/health/ready")
          .then()
          .statusCode(503)
          .body("checks.find { it.name == 'database-commit' }.status", equalTo("DOWN"));
      holder.rollback();
    }
    long deadline = System.nanoTime() + 10_000_000_000L;
    int status;
    do {
      status = request().get("/q/health/ready").statusCode();
    } while (status != 200 && System.nanoTime() < deadline);
    assertThat(status).isEqualTo(200);
  }

  /** A connection of its own that holds row locks until it rolls back. */
  private Connection lock(String sql, String id) throws SQLException {
    Connection connection = dataSource.getConnection();
    connection.setAutoCommit(false);
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      if (id != null) {
        statement.setString(1, id);
      }
      try (ResultSet rows = statement.executeQuery()) {
        assertThat(rows.next()).as("a row to lock").isTrue();
      }
    }
    return connection;
  }
}
