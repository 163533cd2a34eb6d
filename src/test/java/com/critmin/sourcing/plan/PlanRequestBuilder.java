package com.critmin.sourcing.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test data: {@code aPlanRequest().demand("NDPR_OXIDE", 1000).offer("cn-1", "CN", 900,
 * 69).build()}.
 */
final class PlanRequestBuilder {
  private final List<Map<String, Object>> demand = new ArrayList<>();
  private final List<Map<String, Object>> offers = new ArrayList<>();
  private final Map<String, Object> policy = new LinkedHashMap<>();
  private final Map<String, Object> scenario = new LinkedHashMap<>();
  private final Map<String, Object> extra = new LinkedHashMap<>();
  private boolean inline;
  private String material;

  static PlanRequestBuilder aPlanRequest() {
    return new PlanRequestBuilder();
  }

  PlanRequestBuilder demand(String material, double quantity) {
    this.material = material;
    demand.add(new LinkedHashMap<>(Map.of("material", material, "quantity", quantity)));
    return this;
  }

  /**
   * An inline offer of the last demanded material; its supplier is named after the offer and ships
   * from country.
   */
  PlanRequestBuilder offer(String id, String country, double capacity, double unitPrice) {
    return offer(id, id + "-supplier", country, capacity, unitPrice, Map.of());
  }

  PlanRequestBuilder offer(
      String id,
      String supplier,
      String country,
      double capacity,
      double unitPrice,
      Map<String, String> origins) {
    inline = true;
    Map<String, Object> offer = new LinkedHashMap<>();
    offer.put("id", id);
    offer.put("material", material);
    offer.put("supplier", Map.of("id", supplier, "name", supplier, "country", country));
    offer.put("capacity", capacity);
    offer.put("unitPrice", unitPrice);
    offer.put("currency", "USD");
    offer.put("origins", origins);
    offers.add(offer);
    return this;
  }

  PlanRequestBuilder maxCountryShare(double share) {
    policy.put("maxCountryShare", share);
    return this;
  }

  PlanRequestBuilder policy(String key, Object value) {
    policy.put(key, value);
    return this;
  }

  PlanRequestBuilder scenario(String key, Object value) {
    scenario.put(key, value);
    return this;
  }

  PlanRequestBuilder with(String key, Object value) {
    extra.put(key, value);
    return this;
  }

  Map<String, Object> build() {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("demand", demand);
    if (!policy.isEmpty()) {
      request.put("policy", policy);
    }
    if (!scenario.isEmpty()) {
      request.put("scenario", scenario);
    }
    if (inline) {
      request.put("offers", offers);
    }
    request.putAll(extra);
    return request;
  }
}
