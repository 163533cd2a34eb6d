package com.critmin.sourcing.demo;

import com.critmin.sourcing.config.SourcingConfig;
import com.critmin.sourcing.material.MaterialRepository;
import com.critmin.sourcing.material.MaterialService;
import com.critmin.sourcing.material.api.MaterialRequest;
import com.critmin.sourcing.offer.OfferService;
import com.critmin.sourcing.offer.api.OfferRequest;
import com.critmin.sourcing.policy.SourcingPolicyService;
import com.critmin.sourcing.policy.api.SourcingPolicyRequest;
import com.critmin.sourcing.supplier.SupplierService;
import com.critmin.sourcing.supplier.api.SupplierRequest;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Loads rare-earth demo data (USGS MCS 2026 figures) into an empty embedded database at start-up.
 */
@ApplicationScoped
public class DemoDataLoader {
  private static final Logger LOG = Logger.getLogger(DemoDataLoader.class);
  private static final String RESOURCE = "/demo/demo-data.json";

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .findAndRegisterModules()
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

  private final SourcingConfig config;
  private final String dbKind;
  private final MaterialRepository materialRepository;
  private final MaterialService materials;
  private final SupplierService suppliers;
  private final OfferService offers;
  private final SourcingPolicyService policies;

  public DemoDataLoader(
      SourcingConfig config,
      @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind,
      MaterialRepository materialRepository,
      MaterialService materials,
      SupplierService suppliers,
      OfferService offers,
      SourcingPolicyService policies) {
    this.config = config;
    this.dbKind = dbKind;
    this.materialRepository = materialRepository;
    this.materials = materials;
    this.suppliers = suppliers;
    this.offers = offers;
    this.policies = policies;
  }

  void onStart(@Observes StartupEvent event) {
    if (config.demoData().orElse("h2".equals(dbKind))) {
      load();
    }
  }

  @Transactional
  void load() {
    if (materialRepository.count() > 0) {
      return;
    }
    // Every part goes through the same services, and so the same checks, as an API call.
    JsonNode data = read();
    int count = 0;
    for (JsonNode node : data.get("materials")) {
      materials.put(idOf(node), body(node, MaterialRequest.class), null);
    }
    for (JsonNode node : data.get("suppliers")) {
      suppliers.put(idOf(node), body(node, SupplierRequest.class), null);
    }
    List<OfferRequest> offerList = new ArrayList<>();
    for (JsonNode node : data.get("offers")) {
      offerList.add(JSON.convertValue(node, OfferRequest.class));
    }
    offers.bulkUpsert(offerList);
    for (JsonNode node : data.get("policies")) {
      policies.put(idOf(node), body(node, SourcingPolicyRequest.class), null);
      count++;
    }
    LOG.infof(
        "Loaded demo data: %d materials, %d suppliers, %d offers, %d policies (%s)",
        data.get("materials").size(),
        data.get("suppliers").size(),
        offerList.size(),
        count,
        data.get("source").asText());
  }

  private static String idOf(JsonNode node) {
    return node.get("id").asText();
  }

  private static <T> T body(JsonNode node, Class<T> type) {
    ObjectNode copy = node.deepCopy();
    copy.remove("id");
    return JSON.convertValue(copy, type);
  }

  private static JsonNode read() {
    try (InputStream in = DemoDataLoader.class.getResourceAsStream(RESOURCE)) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("demo data " + RESOURCE + " is not readable", e);
    }
  }
}
