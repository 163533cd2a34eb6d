package com.critmin.sourcing.testsupport;

import static com.critmin.sourcing.testsupport.Api.json;
import static com.critmin.sourcing.testsupport.Api.uniqueId;

import java.util.List;
import java.util.Map;

/**
 * Named request bodies and stored master data for API tests. Every stored item gets a fresh id, so
 * tests run in any order against any database.
 */
public final class Fixtures {
  private Fixtures() {}

  public static JsonBody aMaterial() {
    return JsonBody.of("name", "NdPr oxide", "unit", "t");
  }

  public static JsonBody aSupplier() {
    return JsonBody.of("name", "Lynas Rare Earths", "country", "AU");
  }

  /** An offer from Malaysia, mined in Australia: the Lynas NdPr route (SPEC 2). */
  public static JsonBody anOffer(String supplierId, String materialId) {
    return JsonBody.of(
        "supplierId",
        supplierId,
        "material",
        materialId,
        "country",
        "MY",
        "capacity",
        500.0,
        "unitPrice",
        82.5,
        "currency",
        "USD",
        "origins",
        Map.of("MINING", "AU", "SEPARATION", "MY"),
        "validFrom",
        "2026-01-01",
        "validTo",
        "2026-12-31");
  }

  public static JsonBody aCountryGroup() {
    return JsonBody.of("name", "Allied refiners", "countries", List.of("JP", "AU", "CA"));
  }

  /**
   * A CRMA-style policy: 65 % per country, Chinese separation at most half, FEOC at most a fifth.
   */
  public static JsonBody aPolicy() {
    return JsonBody.of(
        "name",
        "CRMA strict",
        "description",
        "65 % per third country",
        "maxCountryShare",
        0.65,
        "countryLimits",
        List.of(JsonBody.of("country", "CN", "stage", "SEPARATION", "maxShare", 0.5)),
        "groupLimits",
        List.of(JsonBody.of("group", "FEOC", "maxShare", 0.2)),
        "maxSupplierShare",
        0.5,
        "excludedCountries",
        List.of("RU"));
  }

  public static JsonBody anOfferItem(String id, String supplierId, String materialId) {
    return anOffer(supplierId, materialId).with("id", id);
  }

  /** Stores a new material and returns its id. */
  public static String givenMaterial() {
    return givenAt("/v1/materials/", uniqueId("mat"), aMaterial());
  }

  /** Stores a new supplier in a country and returns its id. */
  public static String givenSupplier(String country) {
    return givenAt("/v1/suppliers/", uniqueId("sup"), aSupplier().with("country", country));
  }

  /** Stores a new offer of an existing supplier and material and returns its id. */
  public static String givenOffer(String supplierId, String materialId) {
    return givenAt("/v1/offers/", uniqueId("off"), anOffer(supplierId, materialId));
  }

  public static String givenCountryGroup() {
    return givenAt("/v1/country-groups/", uniqueId("grp"), aCountryGroup());
  }

  public static String givenPolicy() {
    return givenAt("/v1/sourcing-policies/", uniqueId("pol"), aPolicy());
  }

  /** The current ETag of a resource. */
  public static String etagOf(String path) {
    return Api.request().get(path).then().statusCode(200).extract().header("ETag");
  }

  private static String givenAt(String collection, String id, JsonBody body) {
    json(body).put(collection + id).then().statusCode(201);
    return id;
  }
}
