package com.critmin.sourcing.offer;

import static com.critmin.sourcing.testsupport.Api.assertProblem;
import static com.critmin.sourcing.testsupport.Api.json;
import static com.critmin.sourcing.testsupport.Api.request;
import static com.critmin.sourcing.testsupport.Api.uniqueId;
import static com.critmin.sourcing.testsupport.Fixtures.anOfferItem;
import static com.critmin.sourcing.testsupport.Fixtures.givenMaterial;
import static com.critmin.sourcing.testsupport.Fixtures.givenOffer;
import static com.critmin.sourcing.testsupport.Fixtures.givenSupplier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.critmin.sourcing.testsupport.JsonBody;
import com.critmin.sourcing.testsupport.Paging;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /v1/offers: all-or-nothing upsert of many offers, as a JSON array or CSV. */
@QuarkusTest
class OfferBulkUpsertTest {
  private static final String OFFERS = "/v1/offers";
  private static final int BULK_MAX = 10_000;
  private static final String CSV_HEADER =
      "id,supplierId,material,country,capacity,unitPrice,currency,validFrom,validTo,origin.MINING,origin.SEPARATION\n";

  private String supplier;
  private String material;

  @BeforeEach
  void givenSupplierAndMaterial() {
    supplier = givenSupplier("AU");
    material = givenMaterial();
  }

  @Test
  void jsonCreatesThenUpdatesAndCounts() {
    List<JsonBody> first = items(3, i -> i);
    postJson(first)
        .statusCode(200)
        .body("received", equalTo(3))
        .body("created", equalTo(3))
        .body("updated", equalTo(0));

    List<JsonBody> second =
        new ArrayList<>(
            List.of(first.get(0).with("capacity", 10.0), first.get(2).with("unitPrice", 99.0)));
    second.add(anOfferItem(uniqueId("off"), supplier, material));
    postJson(second)
        .statusCode(200)
        .body("received", equalTo(3))
        .body("created", equalTo(1))
        .body("updated", equalTo(2));

    request()
        .get(OFFERS + "/" + first.get(0).get("id"))
        .then()
        .statusCode(200)
        .body("capacity", equalTo(10.0));
    request()
        .get(OFFERS + "/" + first.get(1).get("id"))
        .then()
        .statusCode(200)
        .body("capacity", equalTo(500.0));
    request()
        .get(OFFERS + "/" + first.get(2).get("id"))
        .then()
        .statusCode(200)
        .body("unitPrice", equalTo(99.0));
    assertThat(offersOfSupplier()).hasSize(4);
  }

  @Test
  void oneInvalidItemAtPosition500Of1000RejectsThemAll() {
    String existing = givenOffer(supplier, material);
    List<JsonBody> items = items(1000, item -> item);
    items.set(0, anOfferItem(existing, supplier, material).with("capacity", 1.0));
    items.set(500, items.get(500).with("capacity", -1.0));

    assertProblem(postJson(items), 422, "validation")
        .body("errors.field", hasItem("[500].capacity"));

    assertThat(offersOfSupplier()).containsExactly(existing);
    request().get(OFFERS + "/" + existing).then().body("capacity", equalTo(500.0));
  }

  @Test
  void oneMissingReferenceAtPosition500Of1000RejectsThemAll() {
    List<JsonBody> items = items(1000, item -> item);
    items.set(500, items.get(500).with("supplierId", uniqueId("ghost")));
    items.set(501, items.get(501).with("material", uniqueId("ghost")));

    assertProblem(postJson(items), 422, "validation")
        .body("errors.field", hasItem("[500].supplierId"))
        .body("errors.field", hasItem("[501].material"));

    assertThat(offersOfSupplier()).isEmpty();
  }

  @Test
  void eachKindOfInvalidItemIsNamedByPosition() {
    assertRejectedJson(item -> item.with("capacity", "NaN"), "[1].capacity");
    assertRejectedJson(item -> item.with("country", "ZZ"), "[1].country");
    assertRejectedJson(item -> item.with("currency", "XYZ"), "[1].currency");
    assertRejectedJson(item -> item.with("origins", Map.of("SUPPLY", "CN")), "[1].origins[SUPPLY]");
    assertRejectedJson(item -> item.with("validFrom", "2027-06-01"), "[1].validTo");
    assertRejectedJson(item -> item.without("id"), "[1].id");
  }

  @Test
  void duplicateIdsInOneRequestAre422AndCreateNothing() {
    List<JsonBody> items = items(3, i -> i);
    items.set(2, items.get(2).with("id", items.get(0).get("id")));

    assertProblem(postJson(items), 422, "validation").body("errors.field", hasItem("[2].id"));

    assertThat(offersOfSupplier()).isEmpty();
  }

  @Test
  void moreThanTheMaximumIs422AndCreatesNothing() {
    assertProblem(postJson(items(BULK_MAX + 1, i -> i)), 422, "validation")
        .body("errors.field", hasItem("body"));

    assertThat(offersOfSupplier()).isEmpty();
  }

  @Test
  void emptyArrayIs422() {
    assertProblem(postJson(List.of()), 422, "validation");
  }

  @Test
  void unknownFieldInAnItemIs400NamingIt() {
    List<JsonBody> items = items(2, i -> i);
    items.set(1, items.get(1).with("colour", "green"));

    assertProblem(postJson(items), 400, "malformed-request")
        .body("errors.field", hasItem("[1].colour"));

    assertThat(offersOfSupplier()).isEmpty();
  }

  @Test
  void csvWithOriginColumnsRoundTripsIntoOrigins() {
    String first = uniqueId("csv");
    String second = uniqueId("csv");
    String csv =
        CSV_HEADER
            + first
            + ","
            + supplier
            + ","
            + material
            + ",MY,500,82.5,USD,2026-01-01,2026-12-31,AU,MY\n"
            + second
            + ","
            + supplier
            + ","
            + material
            + ",,120.25,85,USD,,,zz,CN\n";

    postCsv(csv)
        .statusCode(200)
        .body("received", equalTo(2))
        .body("created", equalTo(2))
        .body("updated", equalTo(0));

    request()
        .get(OFFERS + "/" + first)
        .then()
        .statusCode(200)
        .body("country", equalTo("MY"))
        .body("capacity", equalTo(500.0))
        .body("unitPrice", equalTo(82.5))
        .body("origins", equalTo(Map.of("MINING", "AU", "SEPARATION", "MY")))
        .body("validFrom", equalTo("2026-01-01"));
    request()
        .get(OFFERS + "/" + second)
        .then()
        .statusCode(200)
        .body("country", equalTo("AU"))
        .body("capacity", equalTo(120.25))
        .body("origins", equalTo(Map.of("MINING", "ZZ", "SEPARATION", "CN")));

    postCsv(CSV_HEADER + first + "," + supplier + "," + material + ",MY,1,1,USD,,,AU,\n")
        .statusCode(200)
        .body("created", equalTo(0))
        .body("updated", equalTo(1));
    request().get(OFFERS + "/" + first).then().body("origins", equalTo(Map.of("MINING", "AU")));
  }

  @Test
  void csvWithBrokenQuotingIsA422NotAServerError() {
    String id = uniqueId("csv");
    String broken =
        CSV_HEADER + id + "," + supplier + "," + material + ",MY,\"500\"x,82.5,USD,,,AU,MY\n";
    assertProblem(postCsv(broken), 422, "validation").body("errors.field", hasItem("body"));
    String unclosedHeader = "id,\"supplierId,material\n" + id + ",a,b\n";
    assertProblem(postCsv(unclosedHeader), 422, "validation");
    request().get(OFFERS + "/" + id).then().statusCode(404);
  }

  @Test
  void csvWithABadNumberCellNamesTheFieldAndCreatesNothing() {
    String csv =
        CSV_HEADER
            + uniqueId("csv")
            + ","
            + supplier
            + ","
            + material
            + ",MY,500,82.5,USD,,,AU,MY\n"
            + uniqueId("csv")
            + ","
            + supplier
            + ","
            + material
            + ",MY,lots,82.5,USD,,,AU,MY\n";

    assertProblem(postCsv(csv), 422, "validation").body("errors.field", hasItem("[1].capacity"));

    assertThat(offersOfSupplier()).isEmpty();
  }

  @Test
  void csvWithAnInvalidValueNamesTheFieldAndCreatesNothing() {
    String csv =
        CSV_HEADER
            + uniqueId("csv")
            + ","
            + supplier
            + ","
            + material
            + ",MY,500,82.5,USD,,,AU,MY\n"
            + uniqueId("csv")
            + ","
            + supplier
            + ","
            + material
            + ",MY,-5,82.5,USD,,,AU,MY\n";

    assertProblem(postCsv(csv), 422, "validation").body("errors.field", hasItem("[1].capacity"));

    assertThat(offersOfSupplier()).isEmpty();
  }

  @Test
  void csvWithDuplicateIdsOrAnUnknownColumnIs422() {
    String id = uniqueId("csv");
    String row = id + "," + supplier + "," + material + ",MY,500,82.5,USD,,,AU,MY\n";

    assertProblem(postCsv(CSV_HEADER + row + row), 422, "validation")
        .body("errors.field", hasItem("[1].id"));
    assertProblem(
            postCsv("id,supplierId,material,capacity,unitPrice,currency,colour\n"),
            422,
            "validation")
        .body("errors.field", hasItem("header"));

    assertThat(offersOfSupplier()).isEmpty();
  }

  @Test
  void csvWithARaggedRowNamesTheRowAndCreatesNothing() {
    String csv =
        CSV_HEADER
            + uniqueId("csv")
            + ","
            + supplier
            + ","
            + material
            + ",MY,500,82.5,USD,,,AU,MY\n"
            + uniqueId("csv")
            + ","
            + supplier
            + ","
            + material
            + ",MY,500\n";

    assertProblem(postCsv(csv), 422, "validation").body("errors.field", hasItem("[1]"));

    assertThat(offersOfSupplier()).isEmpty();
  }

  @Test
  void csvWithMoreThanTheMaximumRowsIs422AndCreatesNothing() {
    StringBuilder csv = new StringBuilder(CSV_HEADER);
    String prefix = uniqueId("csv");
    for (int i = 0; i <= BULK_MAX; i++) {
      csv.append(prefix)
          .append('-')
          .append(i)
          .append(',')
          .append(supplier)
          .append(',')
          .append(material)
          .append(",MY,500,82.5,USD,,,AU,MY\n");
    }

    assertProblem(postCsv(csv.toString()), 422, "validation");

    assertThat(offersOfSupplier()).isEmpty();
  }

  private void assertRejectedJson(UnaryOperator<JsonBody> breakItem, String field) {
    List<JsonBody> items = items(3, i -> i);
    items.set(1, breakItem.apply(items.get(1)));
    assertProblem(postJson(items), 422, "validation").body("errors.field", hasItem(field));
    assertThat(offersOfSupplier()).isEmpty();
  }

  private List<JsonBody> items(int count, UnaryOperator<JsonBody> change) {
    String prefix = uniqueId("bulk");
    List<JsonBody> items = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      items.add(change.apply(anOfferItem(prefix + "-" + i, supplier, material)));
    }
    return items;
  }

  private static ValidatableResponse postJson(List<JsonBody> items) {
    return json(items.stream().map(JsonBody::json).toList()).post(OFFERS).then();
  }

  private static ValidatableResponse postCsv(String csv) {
    return request().contentType("text/csv").body(csv).post(OFFERS).then();
  }

  private List<String> offersOfSupplier() {
    return Paging.allIds(OFFERS, 1000, Map.of("supplier", supplier));
  }
}
