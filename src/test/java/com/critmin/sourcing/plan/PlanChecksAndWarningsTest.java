package com.critmin.sourcing.plan;

import static com.critmin.sourcing.plan.PlanRequestBuilder.aPlanRequest;
import static com.critmin.sourcing.testsupport.Api.assertProblem;
import static com.critmin.sourcing.testsupport.Api.json;
import static com.critmin.sourcing.testsupport.Api.request;
import static com.critmin.sourcing.testsupport.Fixtures.givenMaterial;
import static com.critmin.sourcing.testsupport.Fixtures.givenOffer;
import static com.critmin.sourcing.testsupport.Fixtures.givenSupplier;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.critmin.sourcing.testsupport.Api;
import com.critmin.sourcing.testsupport.JsonBody;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A plan request says what it means: stages from the vocabulary, limits that compose, scenarios
 * that make a country unavailable at every stage, and warnings instead of silence.
 */
@QuarkusTest
class PlanChecksAndWarningsTest {
  private static final double TOLERANCE = 1e-6;

  private static ValidatableResponse post(Object body) {
    return json(body).post("/v1/allocation-plans").then();
  }

  /** 1,000 t: cheap from China, or mined in Australia and separated in China, or Malaysian. */
  private static PlanRequestBuilder ndpr() {
    return aPlanRequest()
        .demand("NDPR_OXIDE", 1000)
        .offer("cn", "cnre", "CN", 900, 69_000, Map.of("MINING", "CN", "SEPARATION", "CN"))
        .offer("au-cn", "arafura", "AU", 600, 75_000, Map.of("MINING", "AU", "SEPARATION", "CN"))
        .offer("lynas", "lynas", "MY", 1000, 82_500, Map.of("MINING", "AU", "SEPARATION", "MY"));
  }

  @Test
  void aMisspelledStageInALimitIs422WithAHint() {
    var request =
        ndpr()
            .policy(
                "countryLimits",
                List.of(Map.of("country", "CN", "stage", "SEPERATION", "maxShare", 0.1)))
            .build();

    assertProblem(post(request), 422, "validation")
        .body("errors.field", hasItem("policy.countryLimits[0].stage"))
        .body("errors.message", hasItem(containsString("did you mean 'SEPARATION'?")));
  }

  @Test
  void aMisspelledStageInAnInlineOfferOrAnOutageIs422() {
    var request =
        aPlanRequest()
            .demand("NDPR_OXIDE", 100)
            .offer("x", "x", "AU", 100, 80_000, Map.of("SEPERATION", "CN"))
            .scenario(
                "countryOutages", List.of(Map.of("country", "CN", "stages", List.of("MINNING"))))
            .build();

    assertProblem(post(request), 422, "validation")
        .body("errors.field", hasItem("offers[0].origins[SEPERATION]"))
        .body("errors.field", hasItem("scenario.countryOutages[0].stages[0]"))
        .body("errors.message", hasItem(containsString("did you mean 'MINING'?")));
  }

  @Test
  void oneAnswerListsSyntacticAndReferentialErrorsTogether() {
    var request =
        ndpr()
            .policy(
                "countryLimits",
                List.of(Map.of("country", "CN", "stage", "SEPERATION", "maxShare", 1.5)))
            .build();

    assertProblem(post(request), 422, "validation")
        .body("errors.field", hasItem("policy.countryLimits[0].maxShare"))
        .body("errors.field", hasItem("policy.countryLimits[0].stage"))
        .body("errors.message", hasItem(containsString("did you mean 'SEPARATION'?")));
  }

  @Test
  void aStoredPolicyListsSyntacticAndReferentialErrorsTogether() {
    var policy =
        Map.of(
            "name",
            "",
            "countryLimits",
            List.of(Map.of("country", "CN", "stage", "REFINNG", "maxShare", 0.5)));

    assertProblem(
            json(policy).put("/v1/sourcing-policies/" + Api.uniqueId("p")).then(),
            422,
            "validation")
        .body("errors.field", hasItem("name"))
        .body("errors.field", hasItem("countryLimits[0].stage"))
        .body("errors.message", hasItem(containsString("did you mean 'REFINING'?")));
  }

  @Test
  void analysesCheckTheStagesTheyVaryOrShock() {
    var frontier =
        ndpr()
            .with("vary", Map.of("kind", "COUNTRY_LIMIT", "country", "CN", "stage", "SEPERATION"))
            .build();
    assertProblem(json(frontier).post("/v1/frontiers").then(), 422, "validation")
        .body("errors.field", hasItem("vary.stage"))
        .body("errors.message", hasItem(containsString("did you mean 'SEPARATION'?")));

    var stress =
        ndpr().with("shocks", List.of(Map.of("country", "CN", "stage", "MINNING"))).build();
    assertProblem(json(stress).post("/v1/stress-tests").then(), 422, "validation")
        .body("errors.field", hasItem("shocks[0].stage"))
        .body("errors.message", hasItem(containsString("did you mean 'MINING'?")));
  }

  @Test
  void twoMaximaForOneCountryBothApplyAndTheExplanationNamesTheTighter() {
    var request =
        ndpr()
            .policy(
                "countryLimits",
                List.of(
                    Map.of("country", "CN", "stage", "SEPARATION", "maxShare", 0.65),
                    Map.of("country", "CN", "stage", "SEPARATION", "maxShare", 0.5)))
            .build();

    post(request)
        .statusCode(201)
        .body("status", equalTo("OPTIMAL"))
        .body(
            "materials[0].shares.find { it.stage == 'SEPARATION' && it.country == 'CN' }.share",
            closeTo(0.5, TOLERANCE))
        .body(
            "bindingConstraints.find { it.stage == 'SEPARATION' }.explanation",
            containsString("the tighter 50 % binds (the looser 65 % does not)"));
  }

  @Test
  void aGroupMinimumAndMaximumInTwoEntriesBothApply() {
    var request =
        ndpr()
            .policy(
                "groupLimits",
                List.of(
                    Map.of("group", "FEOC", "stage", "SEPARATION", "minShare", 0.3),
                    Map.of("group", "FEOC", "stage", "SEPARATION", "maxShare", 0.4),
                    Map.of("group", "FEOC", "stage", "SEPARATION", "maxShare", 0.6)))
            .build();

    post(request)
        .statusCode(201)
        .body("status", equalTo("OPTIMAL"))
        .body(
            "materials[0].shares.find { it.stage == 'SEPARATION' && it.country == 'CN' }.share",
            closeTo(0.4, TOLERANCE));
  }

  @Test
  void aCountryOutageMeansNothingFromThatCountryAtAnyStage() {
    // As SUPPLY only, China's outage still buys Chinese separation through Australia.
    post(ndpr().scenario("unavailableCountries", List.of("CN")).build())
        .statusCode(201)
        .body("allocations.find { it.offerId == 'au-cn' }.quantity", closeTo(600, TOLERANCE));

    post(ndpr().scenario("countryOutages", List.of(Map.of("country", "CN"))).build())
        .statusCode(201)
        .body("status", equalTo("OPTIMAL"))
        .body("allocations.offerId", equalTo(List.of("lynas")))
        .body("materials[0].shares.findAll { it.country == 'CN' && it.quantity > 0 }", empty());

    post(ndpr()
            .scenario(
                "countryOutages", List.of(Map.of("country", "CN", "stages", List.of("MINING"))))
            .build())
        .statusCode(201)
        .body("allocations.find { it.offerId == 'au-cn' }.quantity", closeTo(600, TOLERANCE))
        .body("allocations.find { it.offerId == 'cn' }", nullValue());
  }

  @Test
  void aLimitThatMatchesNothingIsAWarning() {
    var request =
        ndpr()
            .policy(
                "countryLimits",
                List.of(
                    Map.of("country", "CN", "stage", "MAGNET", "maxShare", 0.1),
                    Map.of("country", "CN", "material", "DY_OXIDE", "maxShare", 0.1),
                    Map.of("country", "CN", "maxShare", 0.65)))
            .build();

    post(request)
        .statusCode(201)
        .body("warnings.code", equalTo(List.of("LIMIT_MATCHES_NOTHING", "LIMIT_MATCHES_NOTHING")))
        .body(
            "warnings.field",
            equalTo(List.of("policy.countryLimits[0]", "policy.countryLimits[1]")))
        .body("warnings[0].message", containsString("no offer of NDPR_OXIDE has stage MAGNET"))
        .body("warnings[1].message", containsString("DY_OXIDE, which this plan does not demand"));
  }

  @Test
  void aPlanWithoutLimitsOrOffersSaysSo() {
    var request =
        aPlanRequest()
            .demand("NDPR_OXIDE", 100)
            .offer("x", "AU", 100, 80_000)
            .demand("TB_OXIDE", 5)
            .with("allowShortfall", true)
            .build();
    ((List<Map<String, Object>>) request.get("offers")).get(0).put("material", "NDPR_OXIDE");

    post(request)
        .statusCode(201)
        .body("warnings.code", equalTo(List.of("NO_OFFERS", "NO_LIMITS")))
        .body("warnings[0].field", equalTo("demand[1].material"));
    post(ndpr().maxCountryShare(0.65).build()).statusCode(201).body("warnings", empty());
  }

  @Test
  void aScenarioNamingNothingIsAWarningInStatelessModeAnd422InStoredMode() {
    var stateless =
        ndpr()
            .maxCountryShare(0.65)
            .scenario("unavailableSuppliers", List.of("sanctioned-co"))
            .scenario("priceFactors", List.of(Map.of("country", "KP", "factor", 2.0)))
            .build();

    post(stateless)
        .statusCode(201)
        .body("status", equalTo("OPTIMAL"))
        .body(
            "warnings.code",
            equalTo(List.of("SCENARIO_MATCHES_NOTHING", "SCENARIO_MATCHES_NOTHING")))
        .body("warnings.field", hasItem("scenario.unavailableSuppliers[0]"))
        .body("warnings.field", hasItem("scenario.priceFactors[0].country"));

    var stored =
        aPlanRequest()
            .demand("NDPR_OXIDE", 100)
            .scenario("unavailableSuppliers", List.of("sanctioned-co"))
            .build();
    assertProblem(post(stored), 422, "validation")
        .body("errors.field", hasItem("scenario.unavailableSuppliers[0]"));
  }

  @Test
  void aPlanEchoesTheClientsReference() {
    String location =
        post(ndpr().maxCountryShare(0.65).with("reference", "REQ-2026-0042").build())
            .statusCode(201)
            .body("reference", equalTo("REQ-2026-0042"))
            .extract()
            .header("Location");

    request().get(location).then().statusCode(200).body("reference", equalTo("REQ-2026-0042"));
    post(ndpr().maxCountryShare(0.65).build()).statusCode(201).body("reference", nullValue());
    post(ndpr().maxCountryShare(0.65).build()).body("warnings", not(nullValue()));
  }

  @Test
  void numbersAreExactDecimalsInTheCurrencysMinorUnitAndPostEqualsGet() {
    var response =
        json(aPlanRequest()
                .demand("NDPR_OXIDE", 1200)
                .offer("cn", "cnre", "CN", 30000, 69000.1, Map.of("SEPARATION", "CN"))
                .offer("lynas", "lynas", "MY", 5800, 82500.3, Map.of("SEPARATION", "MY"))
                .maxCountryShare(0.65)
                .build())
            .post("/v1/allocation-plans");
    String posted = response.then().statusCode(201).extract().asString();
    String read = request().get(response.header("Location")).then().extract().asString();

    org.assertj.core.api.Assertions.assertThat(read).isEqualTo(posted);
    // 780 t at 69,000.10 and 420 t at 82,500.30: money in cents, no exponent, no binary noise.
    org.assertj.core.api.Assertions.assertThat(posted)
        .contains("\"totalCost\":88470204.00")
        .contains("\"share\":0.35}")
        .contains("\"unit\":null")
        .contains("\"supplierName\":\"lynas\"")
        .doesNotContainPattern(":-?[0-9]+(\\.[0-9]+)?[eE]")
        .doesNotContainPattern("\\.[0-9]{7,}");

    var yen =
        aPlanRequest()
            .demand("NDPR_OXIDE", 3)
            .offer("jp", "JP", 10, 12_345_678.9)
            .with("currency", "JPY")
            .build();
    ((List<Map<String, Object>>) yen.get("offers")).get(0).put("currency", "JPY");
    String plan =
        json(yen).post("/v1/allocation-plans").then().statusCode(201).extract().asString();
    org.assertj.core.api.Assertions.assertThat(plan).contains("\"totalCost\":37037037,");
  }

  @Test
  void allocationLinesCarryUnitCurrencyAndSupplierNameFromMasterData() {
    String material = givenMaterial();
    givenOffer(givenSupplier("AU"), material);

    post(JsonBody.of("demand", List.of(Map.of("material", material, "quantity", 100))).json())
        .statusCode(201)
        .body("allocations[0].supplierName", equalTo("Lynas Rare Earths"))
        .body("allocations[0].unit", equalTo("t"))
        .body("allocations[0].currency", equalTo("USD"))
        .body("allocations[0].supplierName", not(nullValue()))
        .body("materials[0].unit", equalTo("t"));
  }

  @Test
  void aStatelessPlanTakesTheUnitFromItsDemandLineNotFromMasterData() {
    String material = givenMaterial();
    var request = aPlanRequest().demand(material, 100).offer("au", "AU", 500, 82_500).build();
    ((List<Map<String, Object>>) request.get("demand")).get(0).put("unit", "kg");

    json(request)
        .post("/v1/allocation-plans")
        .then()
        .statusCode(201)
        .body("allocations[0].unit", equalTo("kg"))
        .body("materials[0].unit", equalTo("kg"));
  }

  @Test
  void aDiagnosisStatesQuantitiesInTheDemandsUnitAndMoneyInTheCurrency() {
    // 2,500 t on offer for 3,000 t demanded.
    var request =
        aPlanRequest()
            .demand("NDPR_OXIDE", 3000)
            .offer("cn", "cnre", "CN", 900, 69_000, Map.of("MINING", "CN"))
            .offer("au", "lynas", "MY", 1600, 82_500, Map.of("MINING", "AU"))
            .build();
    ((List<Map<String, Object>>) request.get("demand")).get(0).put("unit", "t");

    post(request)
        .statusCode(201)
        .body("status", equalTo("INFEASIBLE"))
        .body("diagnosis.materials[0].unit", equalTo("t"))
        .body(
            "diagnosis.materials[0].reason",
            equalTo("available capacity 2,500 t is below demand 3,000 t"))
        .body(
            "diagnosis.materials[0].shortfallNote",
            equalTo(
                "with allowShortfall the plan buys at most 2,500 t of the 3,000 t demanded and"
                    + " leaves 500 t unmet, charged at the shortfall penalty of 825,000.00 USD per t"
                    + " (412,500,000.00 USD in penalties for the minimum shortfall)"));
  }

  @Test
  void limitsThatBindTogetherOnTheSameOffersAreStatedOnceWithTheirJointSaving() {
    // Only "cn" is Chinese at SUPPLY and at MINING: both caps hold it at 500 t, together.
    var request =
        ndpr()
            .policy(
                "countryLimits",
                List.of(
                    Map.of("country", "CN", "stage", "SUPPLY", "maxShare", 0.5),
                    Map.of("country", "CN", "stage", "MINING", "maxShare", 0.5)))
            .build();

    post(request)
        .statusCode(201)
        .body("status", equalTo("OPTIMAL"))
        .body("bindingGroups.size()", equalTo(1))
        .body("bindingGroups[0].material", equalTo("NDPR_OXIDE"))
        .body("bindingGroups[0].limits.size()", equalTo(2))
        // Both caps up by a point: 10 t more from cn at 69,000 instead of au-cn at 75,000.
        .body("bindingGroups[0].jointSavingsPerPercentagePoint", closeTo(60_000.0, TOLERANCE))
        .body(
            "bindingGroups[0].explanation",
            equalTo(
                "the CN cap at SUPPLY and the CN cap at MINING bind together on the same offers"
                    + " of NDPR_OXIDE: raising both together by 1 percentage point saves 60,000.00"
                    + " USD"))
        .body("bindingConstraints.size()", equalTo(2))
        .body("bindingConstraints.tie", everyItem(equalTo("NDPR_OXIDE#1")))
        .body("bindingConstraints.shadowPrice", everyItem(nullValue()));
  }
}
