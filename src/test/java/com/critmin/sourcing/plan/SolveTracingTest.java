package com.critmin.sourcing.plan;

import static com.critmin.sourcing.plan.PlanRequestBuilder.aPlanRequest;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With tracing on, a plan is a solve span with one child span per material part. */
@QuarkusTest
@TestProfile(SolveTracingTest.TracingOn.class)
class SolveTracingTest {

  /** Tracing on; spans go to memory (the CDI exporter) and nowhere else. */
  public static class TracingOn implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.otel.sdk.disabled", "false",
          "quarkus.otel.bsp.schedule.delay", "50ms");
    }
  }

  @Inject InMemorySpanExporter spans;

  @Test
  void solveSpanHasAChildPerMaterialPart() throws InterruptedException {
    String id =
        given()
            .contentType(ContentType.JSON)
            .body(
                aPlanRequest()
                    .demand("NDPR_OXIDE", 100)
                    .demand("DY_OXIDE", 10)
                    .offer("cn", "CN", 100, 70)
                    .offer("au", "AU", 100, 80)
                    .build())
            .when()
            .post("/v1/allocation-plans")
            .then()
            .statusCode(201)
            .extract()
            .path("id");

    SpanData solve = null;
    List<SpanData> parts = List.of();
    for (int i = 0; i < 200 && (solve == null || parts.size() < 2); i++) {
      Thread.sleep(50);
      List<SpanData> finished = spans.getFinishedSpanItems();
      solve =
          finished.stream()
              .filter(s -> s.getName().equals("plan.solve"))
              .filter(
                  s -> id.equals(s.getAttributes().get(AttributeKey.stringKey("sourcing.plan.id"))))
              .findFirst()
              .orElse(null);
      String solveId = solve == null ? "" : solve.getSpanId();
      parts =
          finished.stream()
              .filter(s -> s.getName().equals("plan.solve.part"))
              .filter(s -> s.getParentSpanId().equals(solveId))
              .toList();
    }
    assertThat(solve).as("the solve span").isNotNull();
    assertThat(solve.getAttributes().get(AttributeKey.stringKey("sourcing.plan.status")))
        .isNotNull();
    assertThat(parts)
        .extracting(s -> s.getAttributes().get(AttributeKey.stringKey("sourcing.material")))
        .containsExactlyInAnyOrder("NDPR_OXIDE", "DY_OXIDE");
    String traceId = solve.getTraceId();
    assertThat(parts).allMatch(p -> p.getTraceId().equals(traceId));
  }
}
