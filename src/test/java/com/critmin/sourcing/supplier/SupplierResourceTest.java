package com.critmin.sourcing.supplier;

import static com.critmin.sourcing.testsupport.Api.assertProblem;
import static com.critmin.sourcing.testsupport.Api.json;
import static com.critmin.sourcing.testsupport.Api.request;
import static com.critmin.sourcing.testsupport.Api.uniqueId;
import static com.critmin.sourcing.testsupport.Fixtures.aSupplier;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Suppliers: the master-data contract, and what is particular to suppliers. */
@QuarkusTest
class SupplierResourceTest extends MasterDataContractTest {
  private static final String SUPPLIERS = "/v1/suppliers/";

  @Override
  protected String collection() {
    return SUPPLIERS;
  }

  @Override
  protected JsonBody aBody(int variant) {
    return aSupplier().with("country", new String[] {"AU", "MY", "US"}[variant % 3]);
  }

  @Override
  protected InvalidBody anInvalidBody() {
    return new InvalidBody(aSupplier().with("country", "XX"), "country");
  }

  @Test
  void getAnswersTheNameAndCountry() {
    String id = uniqueId("lynas");
    json(aSupplier().with("name", "Lynas Malaysia").with("country", "MY"))
        .put(SUPPLIERS + id)
        .then()
        .statusCode(201);

    request()
        .get(SUPPLIERS + id)
        .then()
        .statusCode(200)
        .body("name", equalTo("Lynas Malaysia"))
        .body("country", equalTo("MY"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ZZ", "XX", "au", "AUS", ""})
  void unknownOrUnknownOriginCountryIsRejectedAndChangesNothing(String country) {
    String id = givenSupplier("AU");

    assertProblem(
            json(aSupplier().with("country", country)).put(SUPPLIERS + id).then(),
            422,
            "validation")
        .body("errors.field", hasItem("country"));

    request().get(SUPPLIERS + id).then().body("country", equalTo("AU"));
  }

  @Test
  void missingNameAndCountryAre422NamingBoth() {
    assertProblem(
            json(aSupplier().without("name").with("country", null))
                .put(SUPPLIERS + uniqueId("sup"))
                .then(),
            422,
            "validation")
        .body("errors.field", hasItem("name"))
        .body("errors.field", hasItem("country"));
  }

  @Test
  void deletingASupplierThatAnOfferUsesIs409AndKeepsIt() {
    String supplier = givenSupplier("AU");
    givenOffer(supplier, givenMaterial());
    givenOffer(supplier, givenMaterial());

    assertProblem(request().delete(SUPPLIERS + supplier).then(), 409, "conflict")
        .body("detail", containsString("2 offer(s)"));

    request().get(SUPPLIERS + supplier).then().statusCode(200);
  }
}
