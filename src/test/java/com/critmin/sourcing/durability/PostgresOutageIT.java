package com.critmin.sourcing.durability;

import static org.assertj.core.api.Assertions.assertThat;

import com.critmin.sourcing.testsupport.ServiceProcess;
import com.critmin.sourcing.testsupport.ServiceProcess.Answer;
import java.io.File;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL goes away under load and comes back: every failed request is a 503 problem document
 * with Retry-After (never a 500), readiness goes DOWN and UP again without a restart, and nothing
 * acknowledged is lost.
 *
 * <p>It stops and starts the cluster that serves the suite's test database with {@code
 * pg_ctlcluster}: by default cluster {@code main} of the one version in /etc/postgresql (as CI runs
 * it); {@code -Dtest.outage.cluster=NAME} (and {@code -Dtest.outage.version=V}) name another one,
 * which must then be the cluster of {@code -Dtest.jdbc.url}. It starts the cluster again in every
 * case. Runs only in the PostgreSQL build (-Ppostgresql) and as root.
 */
@EnabledIfSystemProperty(named = "quarkus.datasource.db-kind", matches = "postgresql")
class PostgresOutageIT {
  private static final Duration OUTAGE = Duration.ofSeconds(6);
  private static final Duration RECOVERY = Duration.ofSeconds(60);
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @TempDir Path dataDir;

  @Test
  void anOutageIsAnswered503WithRetryAfterAndNothingAcknowledgedIsLost() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    Thread restoreOnExit = new Thread(() -> cluster("start"));
    try (ServiceProcess service = ServiceProcess.start(dataDir, Map.of())) {
      ConcurrentLinkedQueue<String> acked = new ConcurrentLinkedQueue<>();
      ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
      Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
      List<Integer> readiness = java.util.Collections.synchronizedList(new ArrayList<>());
      AtomicBoolean stop = new AtomicBoolean();
      AtomicBoolean outage = new AtomicBoolean();
      List<Thread> threads = new ArrayList<>();
      for (int w = 0; w < 2; w++) {
        int worker = w;
        threads.add(
            new Thread(
                () -> {
                  for (int i = 0; !stop.get(); i++) {
                    String id = "outage-" + run + "-" + worker + "-" + i;
                    Answer answer =
                        service.send(
                            service
                                .request("/v1/suppliers/" + id)
                                .header("Content-Type", "application/json")
                                .PUT(
                                    HttpRequest.BodyPublishers.ofString(
                                        "{\"name\":\"" + id + "\",\"country\":\"AU\"}")),
                            TIMEOUT);
                    statuses.merge(answer.status(), 1, Integer::sum);
                    if (answer.status() == 201) {
                      acked.add(id);
                    } else if (!isRetryLater(answer)) {
                      wrong.add(answer.status() + " " + answer.headers() + " " + answer.body());
                    }
                    pause(20);
                  }
                }));
      }
      threads.add(
          new Thread(
              () -> {
                while (!stop.get()) {
                  int status = service.status("/q/health/ready");
                  if (outage.get()) {
                    readiness.add(status);
                  }
                  pause(200);
                }
              }));
      threads.forEach(Thread::start);
      pause(2000);

      Runtime.getRuntime().addShutdownHook(restoreOnExit);
      boolean wentDown;
      try {
        outage.set(true);
        cluster("stop");
        pause(OUTAGE.toMillis());
        wentDown = readiness.stream().anyMatch(s -> s == 503);
      } finally {
        cluster("start");
      }
      long deadline = System.nanoTime() + RECOVERY.toNanos();
      while (service.status("/q/health/ready") != 200 && System.nanoTime() < deadline) {
        pause(200);
      }
      boolean upAgain = service.status("/q/health/ready") == 200;
      int ackedBeforeRecovery = acked.size();
      pause(3000);
      stop.set(true);
      for (Thread thread : threads) {
        thread.join();
      }

      assertThat(wentDown).as("readiness DOWN during the outage").isTrue();
      assertThat(upAgain).as("readiness UP again without a restart").isTrue();
      assertThat(statuses).as("statuses seen").containsKey(503);
      assertThat(wrong).as("answers other than 201 or 503 + Retry-After").isEmpty();
      assertThat(acked.size())
          .as("writes succeed again after the outage")
          .isGreaterThan(ackedBeforeRecovery);
      List<String> lost = new ArrayList<>();
      for (String id : acked) {
        if (service.status("/v1/suppliers/" + id) != 200) {
          lost.add(id);
        }
      }
      assertThat(lost).as("acknowledged creates lost; log: %s", service.log()).isEmpty();
    } finally {
      cluster("start");
      try {
        Runtime.getRuntime().removeShutdownHook(restoreOnExit);
      } catch (IllegalStateException | IllegalArgumentException ignored) {
        // shutting down already, or never added
      }
    }
  }

  private static boolean isRetryLater(Answer answer) {
    return answer.status() == 503
        && answer.headers().getOrDefault("retry-after", "").matches("[1-9][0-9]*")
        && answer.headers().getOrDefault("content-type", "").startsWith("application/problem+json")
        && answer.body().contains("\"status\":503");
  }

  /** Stops (fast) or starts the cluster and, after a start, waits until it accepts connections. */
  private static void cluster(String action) {
    String name = System.getProperty("test.outage.cluster", "main");
    String version = System.getProperty("test.outage.version", onlyVersion());
    List<String> command =
        new ArrayList<>(
            List.of("pg_ctlcluster", "--skip-systemctl-redirect", version, name, action));
    if (action.equals("stop")) {
      command.addAll(List.of("-m", "fast"));
    }
    run(command);
    if (action.equals("start")) {
      String port = System.getProperty("test.outage.port", "5432");
      for (int i = 0; i < 60; i++) {
        if (run(List.of("pg_isready", "-q", "-h", "127.0.0.1", "-p", port)) == 0) {
          return;
        }
        pause(500);
      }
    }
  }

  private static String onlyVersion() {
    String[] versions = new File("/etc/postgresql").list();
    if (versions == null || versions.length != 1) {
      throw new IllegalStateException(
          "set -Dtest.outage.version: /etc/postgresql holds no single version");
    }
    return versions[0];
  }

  private static int run(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).inheritIO().start();
      return process.waitFor();
    } catch (IOException e) {
      throw new IllegalStateException("could not run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
