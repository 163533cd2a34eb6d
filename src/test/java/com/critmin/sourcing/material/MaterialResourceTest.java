package com.critmin.sourcing.material;

import static com.critmin.sourcing.testsupport.Api.assertProblem;
import static com.critmin.sourcing.testsupport.Api.json;
import static com.critmin.sourcing.testsupport.Api.request;
import static com.critmin.sourcing.testsupport.Fixtures.aMaterial;
import static com.critmin.sourcing.testsupport.Fixtures.givenMaterial;
import static com.critmin.sourcing.testsupport.Fixtures.givenOffer;
import static com.critmin.sourcing.testsupport.Fixtures.givenSupplier;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.critmin.sourcing.testsupport.JsonBody;
import com.critmin.sourcing.testsupport.MasterDataContractTest;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Materials: the master-data contract, and what is particular to materials. */
@QuarkusTest
class MaterialResourceTest extends MasterDataContractTest {
  private static final String MATERIALS = "/v1/materials/";

  @Override
  protected String collection() {
    return MATERIALS;
  }

  @Override
  protected JsonBody aBody(int variant) {
    return aMaterial().with("unit", new String[] {"t", "kg", "g"}[variant % 3]);
  }

  @Override
  protected InvalidBody anInvalidBody() {
    return new InvalidBody(aMaterial().with("name", " "), "name");
  }

  @Test
  void getAnswersTheNameAndUnit() {
    String id = givenMaterial();

    request()
        .get(MATERIALS + id)
        .then()
        .statusCode(200)
        .body("name", equalTo("NdPr oxide"))
        .body("unit", equalTo("t"));
  }

  @Test
  void everyInvalidFieldIsNamed() {
    String id = givenMaterial();

    assertProblem(
            json(aMaterial().with("name", " ").with("unit", "metric tonnes"))
                .put(MATERIALS + id)
                .then(),
            422,
            "validation")
        .body("errors.field", hasItem("name"))
        .body("errors.field", hasItem("unit"));
    assertProblem(json(aMaterial().without("unit")).put(MATERIALS + id).then(), 422, "validation")
        .body("errors.field", hasItem("unit"));
  }

  @Test
  void deletingAMaterialThatAnOfferUsesIs409AndKeepsIt() {
    String material = givenMaterial();
    givenOffer(givenSupplier("AU"), material);

    assertProblem(request().delete(MATERIALS + material).then(), 409, "conflict")
        .body("detail", containsString("1 offer(s)"));

    request().get(MATERIALS + material).then().statusCode(200);
  }
}
