package com.critmin.sourcing.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.critmin.sourcing.testsupport.ServiceProcess;
import com.critmin.sourcing.testsupport.ServiceProcess.Answer;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of the packaged jar on one PostgreSQL database: the one solving a slow asynchronous
 * plan is killed with SIGKILL mid-solve; the other one notices the missed heartbeats, runs the job
 * again and completes the plan, exactly once. PostgreSQL only: the embedded H2 database belongs to
 * one process.
 */
class TwoReplicaJobIT {
  private static final Map<String, String> REPLICA =
      Map.of(
          "SOURCING_JOBS_HEARTBEAT_INTERVAL", "1s",
          "SOURCING_JOBS_MISSED_HEARTBEATS", "4",
          "SOURCING_JOBS_POLLING_INTERVAL", "500ms",
          "SOURCING_SOLVER_THREADS", "1",
          "SOURCING_SOLVER_TIME_LIMIT", "300s",
          "SOURCING_AUTH_ENABLED", "false");

  @Test
  void survivingReplicaCompletesThePlanOfAKilledOneExactlyOnce() throws Exception {
    Assumptions.assumeTrue(
        ServiceProcess.onPostgresql(), "two replicas need a shared PostgreSQL database");
    Path dir = Files.createTempDirectory("two-replicas");
    Files.createDirectories(dir.resolve("a"));
    Files.createDirectories(dir.resolve("b"));
    try (ServiceProcess first = ServiceProcess.start(dir.resolve("a"), REPLICA);
        ServiceProcess second = ServiceProcess.start(dir.resolve("b"), REPLICA)) {
      Answer accepted =
          first.send(
              first
                  .request("/v1/allocation-plans")
                  .header("Content-Type", "application/json")
                  .header("Prefer", "respond-async")
                  .POST(HttpRequest.BodyPublishers.ofString(slowPlan())),
              Duration.ofSeconds(60));
      assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
      String plan = field(accepted.body(), "id");

      awaitHolder(plan);
      long running = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!status(first, plan).equals("RUNNING") && System.nanoTime() < running) {
        Thread.sleep(20);
      }
      String holder = holderOf(plan);
      ServiceProcess doomed = holder.equals(replicaName(first)) ? first : second;
      ServiceProcess survivor = doomed == first ? second : first;
      assertThat(holder).isEqualTo(replicaName(doomed));
      assertThat(status(survivor, plan)).isEqualTo("RUNNING");
      doomed.kill();

      // Still unfinished when its replica died: what follows is the survivor's doing.
      assertThat(status(survivor, plan)).isIn("RUNNING", "PENDING");
      String status = status(survivor, plan);
      long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
      while (!status.equals("OPTIMAL")
          && !status.equals("FAILED")
          && System.nanoTime() < deadline) {
        Thread.sleep(250);
        status = status(survivor, plan);
      }
      assertThat(status).isEqualTo("OPTIMAL");
      assertThat(holderOf(plan)).as("the job is done and gone").isNull();
      // Exactly once: the survivor solved one plan, after taking over one job.
      String metrics =
          survivor.send(survivor.request("/q/metrics").GET(), Duration.ofSeconds(10)).body();
      assertThat(metric(metrics, "sourcing_plans_total\\{status=\"OPTIMAL\"\\}")).isEqualTo(1.0);
      assertThat(metric(metrics, "sourcing_jobs_retries_total")).isEqualTo(1.0);
      assertThat(Files.readString(survivor.log())).contains("stopped heartbeating; it runs again");
    }
  }

  /** One material, 60,000 offers under country and supplier caps: an LP of some seconds. */
  private static String slowPlan() {
    Random random = new Random(42);
    String[] countries = {"CN", "US", "AU", "MM", "TH", "IN", "MG", "RU", "BR", "NG"};
    StringBuilder json = new StringBuilder(12_000_000);
    json.append("{\"demand\":[{\"material\":\"M\",\"quantity\":4000000}],")
        .append("\"policy\":{\"maxCountryShare\":0.3,\"maxSupplierShare\":0.01},")
        .append("\"allowShortfall\":true,\"offers\":[");
    int offers = 60_000;
    for (int i = 0; i < offers; i++) {
      int supplier = random.nextInt(3000);
      String country = countries[supplier % countries.length];
      String separation = random.nextDouble() < 0.8 ? "CN" : country;
      String mining = countries[random.nextInt(countries.length)];
      json.append(i == 0 ? "" : ",")
          .append(
              String.format(
                  Locale.ROOT,
                  "{\"id\":\"o%d\",\"material\":\"M\",\"supplier\":{\"id\":\"s%d\",\"country\":\"%s\"},"
                      + "\"capacity\":%d,\"unitPrice\":%.2f,\"origins\":{\"MINING\":\"%s\",\"SEPARATION\":\"%s\"}}",
                  i,
                  supplier,
                  country,
                  10 + random.nextInt(990),
                  20 + 300 * random.nextDouble(),
                  mining,
                  separation));
    }
    return json.append("]}").toString();
  }

  /** The name a replica logs at start-up and writes into the jobs it holds. */
  private static String replicaName(ServiceProcess service) throws java.io.IOException {
    Matcher matcher =
        Pattern.compile("Jobs: replica (\\S+) runs").matcher(Files.readString(service.log()));
    assertThat(matcher.find()).as("replica name in " + service.log()).isTrue();
    return matcher.group(1);
  }

  private static String awaitHolder(String plan) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    String holder = holderOf(plan);
    while (holder == null || holder.isEmpty()) {
      assertThat(System.nanoTime()).as("no replica took the job").isLessThan(deadline);
      Thread.sleep(50);
      holder = holderOf(plan);
    }
    return holder;
  }

  /** Who holds the plan's job: null when there is none, "" when it waits. */
  private static String holderOf(String plan) throws Exception {
    try (Connection connection =
            DriverManager.getConnection(
                System.getenv("_TEST_QUARKUS_DATASOURCE_JDBC_URL"),
                System.getenv("_TEST_QUARKUS_DATASOURCE_USERNAME"),
                System.getenv().getOrDefault("_TEST_QUARKUS_DATASOURCE_PASSWORD", ""));
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT picked, picked_by FROM scheduled_tasks WHERE task_name = 'plan' AND task_instance = ?")) {
      statement.setString(1, plan);
      try (ResultSet rows = statement.executeQuery()) {
        if (!rows.next()) {
          return null;
        }
        return rows.getBoolean(1) ? rows.getString(2) : "";
      }
    }
  }

  private static String status(ServiceProcess service, String plan) {
    Answer answer =
        service.send(service.request("/v1/allocation-plans/" + plan).GET(), Duration.ofSeconds(30));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return field(answer.body(), "status");
  }

  private static String field(String json, String name) {
    Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
    assertThat(matcher.find()).as(name + " in " + json).isTrue();
    return matcher.group(1);
  }

  private static double metric(String metrics, String name) {
    Matcher matcher = Pattern.compile("(?m)^" + name + " ([0-9.eE+-]+)$").matcher(metrics);
    return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
  }
}
