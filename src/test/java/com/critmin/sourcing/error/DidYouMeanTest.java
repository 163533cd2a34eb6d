package com.critmin.sourcing.error;

import static com.critmin.sourcing.testsupport.Api.assertProblem;
import static com.critmin.sourcing.testsupport.Api.json;
import static com.critmin.sourcing.testsupport.Api.request;
import static com.critmin.sourcing.testsupport.Api.uniqueId;
import static com.critmin.sourcing.testsupport.Fixtures.aPolicy;
import static com.critmin.sourcing.testsupport.Fixtures.anOfferItem;
import static com.critmin.sourcing.testsupport.Fixtures.givenMaterial;
import static com.critmin.sourcing.testsupport.Fixtures.givenSupplier;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A material, supplier, group or policy that does not exist is 422 with the close one named. */
@QuarkusTest
class DidYouMeanTest {

  private static String misspelt(String id) {
    return id.substring(0, id.length() - 1) + (id.endsWith("x") ? "y" : "x");
  }

  @Test
  void anOfferNamingAMisspeltMaterialOrSupplier() {
    String supplier = givenSupplier("AU");
    String material = givenMaterial();
    String id = uniqueId("off");
    assertProblem(
            json(List.of(anOfferItem(id, misspelt(supplier), misspelt(material)).json()))
                .post("/v1/offers")
                .then(),
            422,
            "validation")
        .body("errors.message", hasItem(containsString("did you mean '" + material + "'")))
        .body("errors.message", hasItem(containsString("did you mean '" + supplier + "'")));
    request().get("/v1/offers/" + id).then().statusCode(404);
  }

  @Test
  void aPlanNamingAMisspeltPolicyOrMaterial() {
    String material = givenMaterial();
    assertProblem(
            json(Map.of(
                    "demand",
                    List.of(Map.of("material", misspelt(material), "quantity", 10)),
                    "policyId",
                    "EU_CRMA_203"))
                .post("/v1/allocation-plans")
                .then(),
            422,
            "validation")
        .body("errors.message", hasItem(containsString("did you mean 'EU_CRMA_2030'")))
        .body("errors.message", hasItem(containsString("did you mean '" + material + "'")));
  }

  @Test
  void aStoredPlansScenarioNamingAMisspeltSupplier() {
    String supplier = givenSupplier("AU");
    String material = givenMaterial();
    assertProblem(
            json(Map.of(
                    "demand",
                    List.of(Map.of("material", material, "quantity", 10)),
                    "scenario",
                    Map.of("unavailableSuppliers", List.of(misspelt(supplier)))))
                .post("/v1/allocation-plans")
                .then(),
            422,
            "validation")
        .body("errors.message", hasItem(containsString("did you mean '" + supplier + "'")));
  }

  @Test
  void aPolicyNamingAMisspeltGroup() {
    String id = uniqueId("pol");
    assertProblem(
            json(aPolicy().with("groupLimits", List.of(Map.of("group", "FEOCC", "maxShare", 0.2))))
                .put("/v1/sourcing-policies/" + id)
                .then(),
            422,
            "validation")
        .body("errors.message", hasItem(containsString("did you mean 'FEOC'")));
    request().get("/v1/sourcing-policies/" + id).then().statusCode(404);
  }
}
