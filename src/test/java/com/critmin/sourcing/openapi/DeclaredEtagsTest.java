package com.critmin.sourcing.openapi;

import static com.critmin.sourcing.testsupport.Api.json;
import static com.critmin.sourcing.testsupport.Api.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The reads the contract declares an ETag on send one: a strong tag that stays the same while the
 * representation does. Input snapshots never change, and neither do presets within a release.
 */
@QuarkusTest
class DeclaredEtagsTest {

  @Test
  void planInputHasAStableEtag() {
    String plan = created("/v1/allocation-plans", problem(Map.of()));
    assertStableEtag(plan + "/input");
  }

  @Test
  void frontierInputHasAStableEtag() {
    String frontier =
        created(
            "/v1/frontiers",
            problem(Map.of("vary", Map.of("kind", "MAX_COUNTRY_SHARE"), "points", 3)));
    assertStableEtag(frontier + "/input");
  }

  @Test
  void stressTestInputHasAStableEtag() {
    String stressTest =
        created("/v1/stress-tests", problem(Map.of("shocks", List.of(Map.of("country", "CN")))));
    assertStableEtag(stressTest + "/input");
  }

  @Test
  void policyPresetHasAStableEtag() {
    assertStableEtag("/v1/policy-presets/EU_CRMA_2030");
  }

  @Test
  void differentSnapshotsHaveDifferentEtags() {
    String first = created("/v1/allocation-plans", problem(Map.of("reference", "etag-1")));
    String second =
        created(
            "/v1/allocation-plans",
            problem(Map.of("demand", List.of(Map.of("material", "NDPR_OXIDE", "quantity", 50)))));
    assertThat(etag(first + "/input")).isNotEqualTo(etag(second + "/input"));
  }

  private static void assertStableEtag(String url) {
    String first = etag(url);
    assertThat(first).as("ETag of " + url).isNotBlank().doesNotStartWith("W/").startsWith("\"");
    assertThat(etag(url)).as("ETag of " + url + " read again").isEqualTo(first);
  }

  private static String etag(String url) {
    return request().get(url).then().statusCode(200).extract().header("ETag");
  }

  private static String created(String path, Map<String, Object> body) {
    return json(body).post(path).then().statusCode(201).extract().header("Location");
  }

  /** A small stateless problem: inline offers, so that no master data is needed. */
  private static Map<String, Object> problem(Map<String, Object> extra) {
    Map<String, Object> body = new java.util.HashMap<>();
    body.put("demand", List.of(Map.of("material", "NDPR_OXIDE", "quantity", 100)));
    body.put("policy", Map.of("maxCountryShare", 0.9));
    body.put(
        "offers", List.of(offer("etag-cn", "CN"), offer("etag-au", "AU"), offer("etag-us", "US")));
    body.putAll(extra);
    return body;
  }

  private static Map<String, Object> offer(String id, String country) {
    return Map.of(
        "id",
        id,
        "material",
        "NDPR_OXIDE",
        "supplier",
        Map.of("id", id + "-co", "country", country),
        "capacity",
        100,
        "unitPrice",
        80_000,
        "currency",
        "USD");
  }
}
