package com.critmin.sourcing.policy;

import static com.critmin.sourcing.testsupport.Api.assertProblem;
import static com.critmin.sourcing.testsupport.Api.json;
import static com.critmin.sourcing.testsupport.Api.request;
import static com.critmin.sourcing.testsupport.Fixtures.aPolicy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PolicyPresetResourceTest {
  private static final String PRESETS = "/v1/policy-presets";

  @Test
  void listShowsEveryPresetAsReadOnly() {
    request()
        .get(PRESETS)
        .then()
        .statusCode(200)
        .body(
            "items.id", hasItems("EU_CRMA_2030", "US_DFARS_MAGNETS_2026", "US_DFARS_MAGNETS_2027"))
        .body("items.preset", everyItem(equalTo(true)));
  }

  @Test
  void presetsEncodeTheirRegulation() {
    request()
        .get(PRESETS + "/EU_CRMA_2030")
        .then()
        .statusCode(200)
        .body("maxCountryShare", equalTo(0.65))
        .body("countryLimits", hasSize(27))
        .body("countryLimits.maxShare", everyItem(equalTo(1.0)));
    request()
        .get(PRESETS + "/US_DFARS_MAGNETS_2027")
        .then()
        .statusCode(200)
        .body("excludedCountries", contains("CN", "IR", "KP", "RU"));
  }

  @Test
  void unknownPresetIs404() {
    assertProblem(request().get(PRESETS + "/EU_CRMA_2099").then(), 404, "not-found");
  }

  @Test
  void presetsCannotBeWritten() {
    assertProblem(json(aPolicy()).put(PRESETS + "/EU_CRMA_2030").then(), 405, "method-not-allowed")
        .header("Allow", equalTo("GET, HEAD, OPTIONS"));
    assertProblem(request().delete(PRESETS + "/EU_CRMA_2030").then(), 405, "method-not-allowed");
    assertProblem(json(aPolicy()).post(PRESETS).then(), 405, "method-not-allowed");

    request()
        .get(PRESETS + "/EU_CRMA_2030")
        .then()
        .statusCode(200)
        .body("maxCountryShare", equalTo(0.65));
  }
}
