package com.critmin.sourcing.policy;

import static com.critmin.sourcing.testsupport.Api.assertProblem;
import static com.critmin.sourcing.testsupport.Api.json;
import static com.critmin.sourcing.testsupport.Api.request;
import static com.critmin.sourcing.testsupport.Api.uniqueId;
import static com.critmin.sourcing.testsupport.Fixtures.aPolicy;
import static com.critmin.sourcing.testsupport.Fixtures.givenCountryGroup;
import static com.critmin.sourcing.testsupport.Fixtures.givenPolicy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.critmin.sourcing.testsupport.JsonBody;
import com.critmin.sourcing.testsupport.MasterDataContractTest;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sourcing policies: the master-data contract, and what is particular to policies. */
@QuarkusTest
class SourcingPolicyResourceTest extends MasterDataContractTest {
  private static final String POLICIES = "/v1/sourcing-policies/";

  @Override
  protected String collection() {
    return POLICIES;
  }

  @Override
  protected JsonBody aBody(int variant) {
    return aPolicy().with("maxCountryShare", new double[] {0.65, 0.6, 0.5}[variant % 3]);
  }

  @Override
  protected InvalidBody anInvalidBody() {
    return new InvalidBody(aPolicy().with("maxSupplierShare", 1.5), "maxSupplierShare");
  }

  @Test
  void putStoresEveryLimitAndReplacesThem() {
    String id = uniqueId("crma-strict");

    json(aPolicy())
        .put(POLICIES + id)
        .then()
        .statusCode(201)
        .header("Location", endsWith(POLICIES + id))
        .header("ETag", notNullValue())
        .body("maxCountryShare", equalTo(0.65))
        .body("countryLimits[0].country", equalTo("CN"))
        .body("countryLimits[0].stage", equalTo("SEPARATION"))
        .body("countryLimits[0].maxShare", equalTo(0.5))
        .body("groupLimits[0].group", equalTo("FEOC"))
        .body("groupLimits[0].maxShare", equalTo(0.2))
        .body("maxSupplierShare", equalTo(0.5))
        .body("excludedCountries", contains("RU"))
        .body("preset", equalTo(false));
    String etag =
        json(aPolicy()
                .with("maxCountryShare", null)
                .with("countryLimits", null)
                .with("extendsPreset", "EU_CRMA_2030"))
            .put(POLICIES + id)
            .then()
            .statusCode(200)
            .extract()
            .header("ETag");

    request()
        .get(POLICIES + id)
        .then()
        .statusCode(200)
        .header("ETag", equalTo(etag))
        .body("extendsPreset", equalTo("EU_CRMA_2030"))
        .body("maxCountryShare", nullValue())
        .body("countryLimits", empty())
        .body("groupLimits[0].group", equalTo("FEOC"));
  }

  @Test
  void unknownOriginZzMayBeCappedButNotExcluded() {
    String id = uniqueId("pol");
    json(aPolicy().with("countryLimits", List.of(countryLimit("ZZ", 0.1))))
        .put(POLICIES + id)
        .then()
        .statusCode(201)
        .body("countryLimits[0].country", equalTo("ZZ"));

    assertProblem(
            json(aPolicy().with("excludedCountries", List.of("ZZ"))).put(POLICIES + id).then(),
            422,
            "validation")
        .body("errors.field", hasItem("excludedCountries[0]"));
    request()
        .get(POLICIES + id)
        .then()
        .body("countryLimits[0].country", equalTo("ZZ"))
        .body("excludedCountries", contains("RU"));
  }

  @Test
  void sharesOutsideZeroToOneAre422AndChangeNothing() {
    String id = givenPolicy();

    assertRejected(id, aPolicy().with("maxCountryShare", 1.5), "maxCountryShare");
    assertRejected(id, aPolicy().with("maxSupplierShare", -0.1), "maxSupplierShare");
    assertRejected(id, aPolicy().with("maxCountryShare", "NaN"), "maxCountryShare");
    assertRejected(
        id,
        aPolicy().with("countryLimits", List.of(countryLimit("CN", 1.01))),
        "countryLimits[0].maxShare");
    assertRejected(
        id,
        aPolicy().with("groupLimits", List.of(JsonBody.of("group", "FEOC", "maxShare", 2.0))),
        "groupLimits[0].maxShare");
    assertRejected(
        id,
        aPolicy()
            .with(
                "groupLimits",
                List.of(JsonBody.of("group", "FEOC", "maxShare", 0.2, "minShare", 0.3))),
        "groupLimits[0].minShare");

    assertProblem(
            request()
                .contentType("application/json")
                .body(aPolicy().withRawMember("maxCountryShare", "1e400"))
                .put(POLICIES + id)
                .then(),
            422,
            "validation")
        .body("errors.field", hasItem("maxCountryShare"));
    assertUnchanged(id);
  }

  @Test
  void unknownCountriesAndStagesAre422AndChangeNothing() {
    String id = givenPolicy();

    assertRejected(
        id,
        aPolicy().with("countryLimits", List.of(countryLimit("XX", 0.5))),
        "countryLimits[0].country");
    assertRejected(
        id,
        aPolicy()
            .with("countryLimits", List.of(countryLimit("CN", 0.5).with("stage", "separation"))),
        "countryLimits[0].stage");
    assertRejected(
        id, aPolicy().with("excludedCountries", List.of("RU", "XX")), "excludedCountries[1]");
    assertRejected(
        id,
        aPolicy()
            .with("countryLimits", List.of(countryLimit("CN", 0.5).with("stage", "SEPERATION"))),
        "countryLimits[0].stage");
  }

  @Test
  void severalEntriesForOneTargetAreKeptAndAllApply() {
    String id = uniqueId("pol");
    json(aPolicy()
            .with("countryLimits", List.of(countryLimit("CN", 0.5), countryLimit("CN", 0.4)))
            .with(
                "groupLimits",
                List.of(
                    JsonBody.of("group", "FEOC", "minShare", 0.1),
                    JsonBody.of("group", "FEOC", "maxShare", 0.3))))
        .put(POLICIES + id)
        .then()
        .statusCode(201)
        .body("countryLimits.maxShare", contains(0.5, 0.4))
        .body("groupLimits", hasSize(2));
  }

  @Test
  void aLimitNamingAMaterialNotInMasterDataIs422AndChangesNothing() {
    String id = givenPolicy();
    String ghost = uniqueId("ghost");

    assertRejected(
        id,
        aPolicy().with("countryLimits", List.of(countryLimit("CN", 0.5).with("material", ghost))),
        "countryLimits[0].material");
    assertRejected(
        id,
        aPolicy()
            .with(
                "groupLimits",
                List.of(JsonBody.of("group", "FEOC", "maxShare", 0.2, "material", ghost))),
        "groupLimits[0].material");
  }

  @Test
  void missingGroupOrPresetIs422AndChangesNothing() {
    String id = givenPolicy();

    assertRejected(
        id,
        aPolicy()
            .with("groupLimits", List.of(JsonBody.of("group", uniqueId("ghost"), "maxShare", 0.2))),
        "groupLimits[0].group");
    assertRejected(id, aPolicy().with("extendsPreset", "EU_CRMA_2099"), "extendsPreset");
  }

  @Test
  void unknownOrMistypedNestedFieldIs400NamingItsPath() {
    String id = givenPolicy();

    assertProblem(
            json(aPolicy()
                    .with("countryLimits", List.of(countryLimit("CN", 0.5).with("colour", "red"))))
                .put(POLICIES + id)
                .then(),
            400,
            "malformed-request")
        .body("errors.field", hasItem("countryLimits[0].colour"));
    assertProblem(
            json(aPolicy()
                    .with(
                        "groupLimits",
                        List.of(JsonBody.of("group", "FEOC", "maxShare", "a fifth"))))
                .put(POLICIES + id)
                .then(),
            400,
            "malformed-request")
        .body("errors.field", hasItem("groupLimits[0].maxShare"));

    assertUnchanged(id);
  }

  @Test
  void userDefinedGroupsMayBeLimited() {
    String group = givenCountryGroup();

    json(aPolicy().with("groupLimits", List.of(JsonBody.of("group", group, "minShare", 0.3))))
        .put(POLICIES + uniqueId("pol"))
        .then()
        .statusCode(201)
        .body("groupLimits[0].group", equalTo(group))
        .body("groupLimits[0].minShare", equalTo(0.3));
  }

  @Test
  void putOnAPresetIdIs405AndStoresNothing() {
    assertProblem(json(aPolicy()).put(POLICIES + "EU_CRMA_2030").then(), 405, "read-only")
        .header("Allow", notNullValue());
    assertProblem(request().delete(POLICIES + "EU_CRMA_2030").then(), 405, "read-only");

    request()
        .get("/v1/policy-presets/EU_CRMA_2030")
        .then()
        .statusCode(200)
        .body("maxCountryShare", equalTo(0.65));
  }

  private static JsonBody countryLimit(String country, double maxShare) {
    return JsonBody.of("country", country, "maxShare", maxShare);
  }

  private static void assertRejected(String id, JsonBody body, String field) {
    assertProblem(json(body).put(POLICIES + id).then(), 422, "validation")
        .body("errors.field", hasItem(field));
    assertUnchanged(id);
  }

  private static void assertUnchanged(String id) {
    request()
        .get(POLICIES + id)
        .then()
        .statusCode(200)
        .body("maxCountryShare", equalTo(0.65))
        .body("countryLimits[0].country", equalTo("CN"))
        .body("groupLimits[0].group", equalTo("FEOC"))
        .body("excludedCountries", contains("RU"));
  }
}
