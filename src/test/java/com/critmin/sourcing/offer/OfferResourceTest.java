package com.critmin.sourcing.offer;

import static com.critmin.sourcing.testsupport.Api.assertProblem;
import static com.critmin.sourcing.testsupport.Api.json;
import static com.critmin.sourcing.testsupport.Api.request;
import static com.critmin.sourcing.testsupport.Api.uniqueId;
import static com.critmin.sourcing.testsupport.Fixtures.anOffer;
import static com.critmin.sourcing.testsupport.Fixtures.givenMaterial;
import static com.critmin.sourcing.testsupport.Fixtures.givenOffer;
import static com.critmin.sourcing.testsupport.Fixtures.givenSupplier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import com.critmin.sourcing.testsupport.JsonBody;
import com.critmin.sourcing.testsupport.MasterDataContractTest;
import com.critmin.sourcing.testsupport.Paging;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Offers: the master-data contract, and what is particular to offers. */
@QuarkusTest
class OfferResourceTest extends MasterDataContractTest {
  private static final String OFFERS = "/v1/offers/";

  private String supplier;
  private String material;

  @BeforeEach
  void givenSupplierAndMaterial() {
    supplier = givenSupplier("AU");
    material = givenMaterial();
  }

  @Override
  protected String collection() {
    return OFFERS;
  }

  @Override
  protected JsonBody aBody(int variant) {
    return anOffer(supplier, material).with("capacity", 500.0 + 10 * variant);
  }

  @Override
  protected InvalidBody anInvalidBody() {
    return new InvalidBody(anOffer(supplier, material).with("capacity", -1.0), "capacity");
  }

  @Test
  void putStoresEveryFieldAndReplacesThem() {
    String id = uniqueId("lynas-ndpr");

    json(anOffer(supplier, material))
        .put(OFFERS + id)
        .then()
        .statusCode(201)
        .header("Location", endsWith(OFFERS + id))
        .header("ETag", notNullValue())
        .body("id", equalTo(id))
        .body("supplierId", equalTo(supplier))
        .body("material", equalTo(material))
        .body("country", equalTo("MY"))
        .body("capacity", equalTo(500.0))
        .body("unitPrice", equalTo(82.5))
        .body("currency", equalTo("USD"))
        .body("origins", equalTo(Map.of("MINING", "AU", "SEPARATION", "MY")))
        .body("validFrom", equalTo("2026-01-01"))
        .body("validTo", equalTo("2026-12-31"));
    String etag =
        json(anOffer(supplier, material)
                .with("capacity", 420.5)
                .with("unitPrice", 85.0)
                .with("origins", null))
            .put(OFFERS + id)
            .then()
            .statusCode(200)
            .extract()
            .header("ETag");

    request()
        .get(OFFERS + id)
        .then()
        .statusCode(200)
        .header("ETag", equalTo(etag))
        .body("capacity", equalTo(420.5))
        .body("unitPrice", equalTo(85.0))
        .body("origins", anEmptyMap());
  }

  @Test
  void countryDefaultsToTheSuppliersCountry() {
    String id = uniqueId("off");

    json(anOffer(supplier, material).without("country"))
        .put(OFFERS + id)
        .then()
        .statusCode(201)
        .body("country", equalTo("AU"));
  }

  @Test
  void listFiltersByMaterialSupplierAndCountry() {
    String otherSupplier = givenSupplier("MY");
    String otherMaterial = givenMaterial();
    String fromMalaysia = putOffer(anOffer(supplier, material).with("country", "MY"));
    String fromAustralia = putOffer(anOffer(supplier, otherMaterial).without("country"));
    String fromChina = putOffer(anOffer(otherSupplier, material).with("country", "CN"));

    assertThat(Paging.allIds("/v1/offers", 1, Map.of("material", material)))
        .containsExactly(sorted(fromMalaysia, fromChina));
    assertThat(Paging.allIds("/v1/offers", 50, Map.of("supplier", supplier)))
        .containsExactly(sorted(fromMalaysia, fromAustralia));
    assertThat(Paging.allIds("/v1/offers", 50, Map.of("material", material, "country", "CN")))
        .containsExactly(fromChina);
    assertThat(Paging.allIds("/v1/offers", 50, Map.of("supplier", supplier, "country", "AU")))
        .containsExactly(fromAustralia);
    assertThat(Paging.allIds("/v1/offers", 50, Map.of("material", uniqueId("none")))).isEmpty();
  }

  @Test
  void aCursorOfOneListIs400OnAnotherListOrWithOtherFilters() {
    givenOffer(supplier, material);
    givenOffer(supplier, material);
    String cursor =
        request()
            .queryParam("limit", 1)
            .queryParam("supplier", supplier)
            .get("/v1/offers")
            .then()
            .statusCode(200)
            .extract()
            .path("nextCursor");
    assertThat(cursor).isNotNull();

    request()
        .queryParam("limit", 1)
        .queryParam("supplier", supplier)
        .queryParam("cursor", cursor)
        .get("/v1/offers")
        .then()
        .statusCode(200);
    // Accepted elsewhere, its key would silently skip every item sorting before it.
    for (String list :
        List.of("/v1/suppliers", "/v1/materials", "/v1/country-groups", "/v1/allocation-plans")) {
      assertProblem(
              request().queryParam("cursor", cursor).get(list).then(), 400, "malformed-request")
          .body("errors.field", hasItem("cursor"));
    }
    assertProblem(
            request().queryParam("cursor", cursor).get("/v1/offers").then(),
            400,
            "malformed-request")
        .body("errors.field", hasItem("cursor"));
  }

  @Test
  void unknownCountryFilterIs400() {
    assertProblem(
            request().queryParam("country", "XX").get("/v1/offers").then(),
            400,
            "malformed-request")
        .body("errors.field", hasItem("country"));
  }

  @Test
  void outOfRangeValuesAre422NamingTheFieldAndChangeNothing() {
    String id = givenOffer(supplier, material);

    assertRejected(id, anOffer(supplier, material).with("capacity", -1.0), "capacity");
    assertRejected(id, anOffer(supplier, material).with("unitPrice", -0.01), "unitPrice");
    assertRejected(id, anOffer(supplier, material).with("capacity", "NaN"), "capacity");
    assertRejected(id, anOffer(supplier, material).with("unitPrice", "Infinity"), "unitPrice");
    assertRejected(id, anOffer(supplier, material).with("capacity", 1e308), "capacity");
    assertRejected(id, anOffer(supplier, material).with("unitPrice", 1e16), "unitPrice");
    assertRejected(id, anOffer(supplier, material).with("country", "XX"), "country");
    assertRejected(id, anOffer(supplier, material).with("country", "ZZ"), "country");
    assertRejected(id, anOffer(supplier, material).with("currency", "XYZ"), "currency");
    assertRejected(id, anOffer(supplier, material).with("currency", "usd"), "currency");
    assertRejected(
        id, anOffer(supplier, material).with("origins", Map.of("MINING", "XX")), "origins[MINING]");
    assertRejected(
        id, anOffer(supplier, material).with("origins", Map.of("mining", "AU")), "origins[mining]");
    assertRejected(
        id, anOffer(supplier, material).with("origins", Map.of("SUPPLY", "CN")), "origins[SUPPLY]");
    assertRejected(id, anOffer(supplier, material).with("validFrom", "2027-01-01"), "validTo");
    assertRejected(
        id, anOffer(supplier, material).with("supplierId", uniqueId("ghost")), "supplierId");
    assertRejected(id, anOffer(supplier, material).with("material", uniqueId("ghost")), "material");
    assertRejected(id, anOffer(supplier, material).with("id", uniqueId("other")), "id");
    assertRejected(id, anOffer(supplier, material).without("currency"), "currency");
  }

  @Test
  void infiniteNumberIs422AndChangesNothing() {
    String id = givenOffer(supplier, material);

    assertProblem(
            request()
                .contentType("application/json")
                .body(anOffer(supplier, material).withRawMember("capacity", "1e400"))
                .put(OFFERS + id)
                .then(),
            422,
            "validation")
        .body("errors.field", hasItem("capacity"));

    assertUnchanged(id);
  }

  @Test
  void unknownOriginZzIsAllowedInOrigins() {
    String id = uniqueId("off");

    json(anOffer(supplier, material).with("origins", Map.of("MINING", "ZZ", "SEPARATION", "CN")))
        .put(OFFERS + id)
        .then()
        .statusCode(201)
        .body("origins.MINING", equalTo("ZZ"));
  }

  @Test
  void unreadableValuesAre400NamingTheFieldAndChangeNothing() {
    String id = givenOffer(supplier, material);

    assertProblem(
            json(anOffer(supplier, material).with("capacity", "lots")).put(OFFERS + id).then(),
            400,
            "malformed-request")
        .body("errors.field", hasItem("capacity"));
    assertProblem(
            json(anOffer(supplier, material).with("validFrom", "2026-13-01"))
                .put(OFFERS + id)
                .then(),
            400,
            "malformed-request")
        .body("errors.field", hasItem("validFrom"));
    assertProblem(
            json(anOffer(supplier, material).with("origins", List.of("AU")))
                .put(OFFERS + id)
                .then(),
            400,
            "malformed-request")
        .body("errors.field", hasItem("origins"));
    assertProblem(
            json(anOffer(supplier, material).with("capacity", Map.of("value", 1)))
                .put(OFFERS + id)
                .then(),
            400,
            "malformed-request")
        .body("errors.field", hasItem("capacity"));

    assertUnchanged(id);
  }

  private void assertRejected(String id, JsonBody body, String field) {
    assertProblem(json(body).put(OFFERS + id).then(), 422, "validation")
        .body("errors.field", hasItem(field));
    assertUnchanged(id);
  }

  private void assertUnchanged(String id) {
    request()
        .get(OFFERS + id)
        .then()
        .statusCode(200)
        .body("supplierId", equalTo(supplier))
        .body("material", equalTo(material))
        .body("country", equalTo("MY"))
        .body("capacity", equalTo(500.0))
        .body("unitPrice", equalTo(82.5))
        .body("currency", equalTo("USD"))
        .body("origins", equalTo(Map.of("MINING", "AU", "SEPARATION", "MY")))
        .body("validTo", equalTo("2026-12-31"));
  }

  private static String putOffer(JsonBody body) {
    String id = uniqueId("off");
    json(body).put(OFFERS + id).then().statusCode(201);
    return id;
  }

  private static String[] sorted(String... ids) {
    return java.util.Arrays.stream(ids).sorted().toArray(String[]::new);
  }
}
