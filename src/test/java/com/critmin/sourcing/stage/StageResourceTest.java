package com.critmin.sourcing.stage;

import static com.critmin.sourcing.testsupport.Api.assertProblem;
import static com.critmin.sourcing.testsupport.Api.json;
import static com.critmin.sourcing.testsupport.Api.request;
import static com.critmin.sourcing.testsupport.Api.uniqueId;
import static com.critmin.sourcing.testsupport.Fixtures.aPolicy;
import static com.critmin.sourcing.testsupport.Fixtures.anOffer;
import static com.critmin.sourcing.testsupport.Fixtures.givenMaterial;
import static com.critmin.sourcing.testsupport.Fixtures.givenSupplier;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import com.critmin.sourcing.testsupport.JsonBody;
import com.critmin.sourcing.testsupport.MasterDataContractTest;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The stage vocabulary: the master-data contract, built-in and reserved stages, and every stage
 * named by an offer or a policy checked against it, with a "did you mean" hint.
 */
@QuarkusTest
class StageResourceTest extends MasterDataContractTest {
  private static final String STAGES = "/v1/stages/";

  @Override
  protected String collection() {
    return STAGES;
  }

  @Override
  protected String newId(String prefix) {
    return stageId(prefix);
  }

  static String stageId(String prefix) {
    return uniqueId(prefix).toUpperCase(Locale.ROOT).replace('-', '_');
  }

  @Override
  protected JsonBody aBody(int variant) {
    return JsonBody.of(
        "name", List.of("Leaching", "Roasting", "Solvent extraction").get(variant % 3));
  }

  @Override
  protected InvalidBody anInvalidBody() {
    return new InvalidBody(JsonBody.of("name", " "), "name");
  }

  @Test
  void theBuiltInStagesAndTheReservedSupplyAreListedAndReadOnly() {
    request()
        .get("/v1/stages?limit=1000")
        .then()
        .statusCode(200)
        .body(
            "items.id", hasItems("MINING", "SEPARATION", "REFINING", "METAL", "MAGNET", "SUPPLY"));
    request().get(STAGES + "SEPARATION").then().statusCode(200).body("builtIn", equalTo(true));
    for (String id : List.of("MINING", "SUPPLY")) {
      assertProblem(json(aBody(0)).put(STAGES + id).then(), 405, "read-only");
      assertProblem(request().delete(STAGES + id).then(), 405, "read-only");
    }
  }

  @Test
  void aPutAcceptsTheBodyAGetReturned() {
    String id = newId("rt");
    String body = json(aBody(0)).put(STAGES + id).then().statusCode(201).extract().asString();

    request()
        .contentType("application/json")
        .body(body)
        .put(STAGES + id)
        .then()
        .statusCode(200)
        .body("name", equalTo("Leaching"));
    assertProblem(json(aBody(0).with("id", "OTHER")).put(STAGES + id).then(), 422, "validation")
        .body("errors.field", hasItem("id"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"leaching", "LEACH-ING"})
  void aStageIdIsAnUpperCaseName(String id) {
    request()
        .contentType("application/json")
        .body(aBody(0).json())
        .put(STAGES + id)
        .then()
        .statusCode(org.hamcrest.Matchers.anyOf(equalTo(400), equalTo(422)));
  }

  @Test
  void anOfferWithAMisspelledStageIs422WithAHint() {
    String supplier = givenSupplier("AU");
    String material = givenMaterial();

    assertProblem(
            json(anOffer(supplier, material).with("origins", Map.of("SEPERATION", "CN")))
                .put("/v1/offers/" + uniqueId("off"))
                .then(),
            422,
            "validation")
        .body("errors.field", hasItem("origins[SEPERATION]"))
        .body("errors.message", hasItem(containsString("did you mean 'SEPARATION'?")));
    assertProblem(
            request()
                .contentType("text/csv")
                .body(
                    "id,supplierId,material,country,capacity,unitPrice,currency,origin.SEPERATION\n"
                        + uniqueId("off")
                        + ","
                        + supplier
                        + ","
                        + material
                        + ",MY,10,82500,USD,CN\n")
                .post("/v1/offers")
                .then(),
            422,
            "validation")
        .body("errors.field", hasItem("[0].origins[SEPERATION]"))
        .body("errors.message", hasItem(containsString("did you mean 'SEPARATION'?")));
  }

  @Test
  void aPolicyWithAMisspelledStageIs422WithAHint() {
    assertProblem(
            json(aPolicy()
                    .with(
                        "countryLimits",
                        List.of(
                            JsonBody.of("country", "CN", "stage", "SEPERATION", "maxShare", 0.1))))
                .put("/v1/sourcing-policies/" + uniqueId("pol"))
                .then(),
            422,
            "validation")
        .body("errors.field", hasItem("countryLimits[0].stage"))
        .body("errors.message", hasItem(containsString("did you mean 'SEPARATION'?")));
  }

  @Test
  void aUserDefinedStageCanBeNamedAndIsNotDeletedWhileInUse() {
    String stage = newId("LEACH");
    json(aBody(0)).put(STAGES + stage).then().statusCode(201);
    String supplier = givenSupplier("AU");
    String material = givenMaterial();
    String offer = uniqueId("off");
    json(anOffer(supplier, material).with("origins", Map.of(stage, "MM")))
        .put("/v1/offers/" + offer)
        .then()
        .statusCode(201);

    assertProblem(request().delete(STAGES + stage).then(), 409, "conflict")
        .body("detail", containsString("1 offer(s)"));

    request().delete("/v1/offers/" + offer).then().statusCode(204);
    String policy = uniqueId("pol");
    json(aPolicy()
            .with(
                "groupLimits",
                List.of(JsonBody.of("group", "FEOC", "stage", stage, "maxShare", 0.2))))
        .put("/v1/sourcing-policies/" + policy)
        .then()
        .statusCode(201);
    assertProblem(request().delete(STAGES + stage).then(), 409, "conflict")
        .body("detail", containsString(policy));

    request().delete("/v1/sourcing-policies/" + policy).then().statusCode(204);
    request().delete(STAGES + stage).then().statusCode(204);
  }

  @Test
  void aStoredPolicyLimitNamingAMissingMaterialIs422() {
    assertProblem(
            json(aPolicy()
                    .with(
                        "countryLimits",
                        List.of(
                            JsonBody.of(
                                "country", "CN", "material", "NO_SUCH_OXIDE", "maxShare", 0.1))))
                .put("/v1/sourcing-policies/" + uniqueId("pol"))
                .then(),
            422,
            "validation")
        .body("errors.field", hasItem("countryLimits[0].material"));
  }
}
