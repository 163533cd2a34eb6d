package com.critmin.sourcing.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The packaged jar in a process of its own, in its production profile, for tests that kill it or
 * take its database away: on H2 in a data directory of its own, on PostgreSQL in the suite's test
 * database (the -Ppostgresql build passes it in _TEST_QUARKUS_DATASOURCE_*).
 */
public final class ServiceProcess implements AutoCloseable {
  private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Path dataDir;
  private final Path log;
  private final Map<String, String> settings;
  private Process process;
  private String url;

  private ServiceProcess(Path dataDir, Map<String, String> settings) {
    this.dataDir = dataDir;
    this.log = dataDir.resolve("service.log");
    this.settings = settings;
  }

  /** Whether the suite runs on PostgreSQL. */
  public static boolean onPostgresql() {
    return "postgresql".equals(System.getProperty("quarkus.datasource.db-kind"));
  }

  /**
   * Starts the jar and waits until it is ready; {@code settings} are extra environment variables.
   */
  public static ServiceProcess start(Path dataDir, Map<String, String> settings) {
    ServiceProcess service = new ServiceProcess(dataDir, settings);
    service.start();
    return service;
  }

  /** Starts the jar again on the same data, on a new port, and waits until it is ready. */
  public void start() {
    if (!Files.exists(JAR)) {
      throw new IllegalStateException(JAR + " is missing: package the application first");
    }
    int port = freePort();
    List<String> command = new ArrayList<>(List.of("java", "-Xmx512m", "-jar", JAR.toString()));
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
    env.put("SOURCING_DATA_DIR", dataDir.toString());
    env.put("SOURCING_DEMO_DATA", "false");
    // The PostgreSQL build requires tokens by default; these tests are about something else.
    env.put("SOURCING_AUTH_ENABLED", "false");
    if (onPostgresql()) {
      env.put("QUARKUS_DATASOURCE_JDBC_URL", System.getenv("_TEST_QUARKUS_DATASOURCE_JDBC_URL"));
      env.put("QUARKUS_DATASOURCE_USERNAME", System.getenv("_TEST_QUARKUS_DATASOURCE_USERNAME"));
      env.put(
          "QUARKUS_DATASOURCE_PASSWORD",
          String.valueOf(System.getenv().getOrDefault("_TEST_QUARKUS_DATASOURCE_PASSWORD", "")));
    }
    env.putAll(settings);
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new IllegalStateException("could not start the jar", e);
    }
    url = "http://127.0.0.1:" + port;
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the jar stopped at start-up; its log: " + log);
      }
      if (status("/q/health/ready") == 200) {
        return;
      }
      sleep(100);
    }
    throw new IllegalStateException("the jar did not become ready; its log: " + log);
  }

  /** SIGKILL: the JVM gets no chance to flush or close anything. */
  public void kill() {
    process.destroyForcibly();
    waitFor();
  }

  public String url() {
    return url;
  }

  public Path log() {
    return log;
  }

  /** The status of a GET, 0 when nothing answered. */
  public int status(String path) {
    return send(HttpRequest.newBuilder(URI.create(url + path)).GET(), Duration.ofSeconds(10))
        .status();
  }

  /** Sends a request to this service; a response with status 0 when nothing answered in time. */
  public Answer send(HttpRequest.Builder request, Duration timeout) {
    try {
      HttpResponse<String> response =
          HTTP.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
      Map<String, String> headers = new HashMap<>();
      response
          .headers()
          .map()
          .forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
      return new Answer(response.statusCode(), headers, response.body());
    } catch (IOException e) {
      return new Answer(0, Map.of(), e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(0, Map.of(), e.toString());
    }
  }

  /** A request builder for a path of this service. */
  public HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(url + path));
  }

  /** A response: status (0 = none), headers by lower-case name, body. */
  public record Answer(int status, Map<String, String> headers, String body) {}

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      process.destroy();
      waitFor();
    }
  }

  private void waitFor() {
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
