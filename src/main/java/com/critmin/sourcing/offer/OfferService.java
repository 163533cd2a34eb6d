package com.critmin.sourcing.offer;

import com.critmin.sourcing.common.InChunks;
import com.critmin.sourcing.common.MasterDataService;
import com.critmin.sourcing.common.Page;
import com.critmin.sourcing.config.SourcingConfig;
import com.critmin.sourcing.error.ApiException;
import com.critmin.sourcing.error.Problem;
import com.critmin.sourcing.material.MaterialRepository;
import com.critmin.sourcing.offer.api.BulkUpsertResult;
import com.critmin.sourcing.offer.api.OfferRequest;
import com.critmin.sourcing.offer.api.OfferResponse;
import com.critmin.sourcing.stage.StageService;
import com.critmin.sourcing.supplier.Supplier;
import com.critmin.sourcing.supplier.SupplierRepository;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Offers: single create-or-replace, all-or-nothing bulk upsert, read, delete, filtered list. */
@ApplicationScoped
@Transactional
public class OfferService extends MasterDataService<Offer, OfferRequest, OfferResponse> {
  private final OfferRepository offers;
  private final SupplierRepository suppliers;
  private final MaterialRepository materials;
  private final Validator validator;
  private final SourcingConfig config;
  private final StageService stages;

  public OfferService(
      OfferRepository offers,
      SupplierRepository suppliers,
      MaterialRepository materials,
      Validator validator,
      SourcingConfig config,
      StageService stages) {
    this.offers = offers;
    this.suppliers = suppliers;
    this.materials = materials;
    this.validator = validator;
    this.config = config;
    this.stages = stages;
  }

  @Override
  protected PanacheRepositoryBase<Offer, String> repository() {
    return offers;
  }

  @Override
  protected String kind() {
    return "Offer";
  }

  @Override
  protected Offer newEntity() {
    return new Offer();
  }

  @Override
  protected String idOf(OfferRequest request) {
    return request.id();
  }

  @Override
  protected void apply(String id, OfferRequest request, Offer entity) {
    if (request.id() != null && !request.id().equals(id)) {
      throw ApiException.invalid(
          "id", "must match the id in the path ('" + id + "') or be left out");
    }
    List<Problem.FieldError> errors = new ArrayList<>();
    checkFields(request, "", errors);
    Map<String, Supplier> found = suppliersById(List.of(request.supplierId()));
    checkReferences(List.of(request), found, "", errors);
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    copy(request, entity, found.get(request.supplierId()));
  }

  @Override
  protected OfferResponse toResponse(Offer entity) {
    return OfferResponse.from(entity);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<OfferResponse> list(
      String cursor,
      int limit,
      String material,
      String supplier,
      String country,
      java.time.Instant updatedSince) {
    Map<String, Object> filters = new LinkedHashMap<>();
    filters.put("materialId", material);
    filters.put("supplierId", supplier);
    filters.put("country", country);
    filters.put("updatedAt >=", updatedSince);
    return list(cursor, limit, filters);
  }

  /**
   * Creates or replaces every offer, or none: any invalid item rejects the whole request. Parallel
   * batches with overlapping ids take turns on the rows they share instead of failing.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public BulkUpsertResult bulkUpsert(List<OfferRequest> items) {
    if (items == null || items.isEmpty()) {
      throw ApiException.invalid("body", "must be a non-empty array of offers");
    }
    int max = config.offers().bulkMax();
    if (items.size() > max) {
      throw ApiException.invalid(
          "body", "at most " + max + " offers per bulk upsert, got " + items.size());
    }
    List<Problem.FieldError> errors = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      OfferRequest item = items.get(i);
      String prefix = "[" + i + "].";
      if (item == null) {
        errors.add(new Problem.FieldError("[" + i + "]", "must be an offer object"));
        continue;
      }
      for (ConstraintViolation<OfferRequest> violation : validator.validate(item)) {
        errors.add(new Problem.FieldError(prefix + fieldName(violation), violation.getMessage()));
      }
      if (item.id() == null) {
        errors.add(new Problem.FieldError(prefix + "id", "must not be null"));
      } else if (!seen.add(item.id())) {
        errors.add(
            new Problem.FieldError(
                prefix + "id", "duplicate id '" + item.id() + "' in this request"));
      }
      checkFields(item, prefix, errors);
      if (errors.size() >= 100) {
        break;
      }
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    return writes.write(
        items.stream().map(item -> kind() + ":" + item.id()).toList(), () -> upsert(items));
  }

  private BulkUpsertResult upsert(List<OfferRequest> items) {
    List<Problem.FieldError> errors = new ArrayList<>();
    Map<String, Supplier> found =
        suppliersById(items.stream().map(OfferRequest::supplierId).collect(Collectors.toSet()));
    checkReferences(items, found, null, errors);
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    // Every batch locks the rows it replaces and inserts the ones it creates in id order, so that
    // two batches with overlapping ids queue on their first shared id instead of deadlocking.
    List<OfferRequest> byId =
        items.stream().sorted(Comparator.comparing(OfferRequest::id)).toList();
    Map<String, Offer> existing = new HashMap<>();
    for (Offer offer :
        InChunks.query(
            byId.stream().map(OfferRequest::id).toList(),
            chunk ->
                offers
                    .find("id in ?1 order by id", chunk)
                    .withLock(LockModeType.PESSIMISTIC_WRITE)
                    .list())) {
      existing.put(offer.id, offer);
    }
    List<Offer> created = new ArrayList<>();
    int unchanged = 0;
    for (OfferRequest item : byId) {
      Offer offer = existing.get(item.id());
      Supplier supplier = found.get(item.supplierId());
      if (offer == null) {
        offer = new Offer();
        offer.id = item.id();
        created.add(offer);
      } else if (same(item, offer, supplier)) {
        // Left as it is: no new version, ETag or updatedAt, so incremental syncs skip it.
        unchanged++;
        continue;
      }
      copy(item, offer, supplier);
    }
    offers.persist(created);
    offers.flush();
    return new BulkUpsertResult(
        items.size(), created.size(), items.size() - created.size() - unchanged, unchanged);
  }

  private static String fieldName(ConstraintViolation<?> violation) {
    StringBuilder name = new StringBuilder();
    for (jakarta.validation.Path.Node node : violation.getPropertyPath()) {
      if (node.getKey() != null) {
        name.append('[').append(node.getKey()).append(']');
      } else if (node.getIndex() != null) {
        name.append('[').append(node.getIndex()).append(']');
      }
      if (node.getName() != null && node.getKind() == jakarta.validation.ElementKind.PROPERTY) {
        name.append(name.isEmpty() ? "" : ".").append(node.getName());
      }
    }
    return name.toString();
  }

  private static void checkFields(
      OfferRequest request, String prefix, List<Problem.FieldError> errors) {
    OfferRules.check(
        request.origins(),
        request.validFrom(),
        request.validTo(),
        new OfferRules.AwardRules(request.capacity(), request.minQuantity(), request.lotSize()),
        prefix,
        errors);
  }

  private Map<String, Supplier> suppliersById(Collection<String> ids) {
    Map<String, Supplier> found = new HashMap<>();
    // Suppliers, then materials: every writer of offers locks in this order.
    for (Supplier supplier : suppliers.lockForReference(ids)) {
      found.put(supplier.id, supplier);
    }
    return found;
  }

  /**
   * Every supplier, material and origin stage named must exist; a null prefix numbers the items.
   * Suppliers, materials, then stages: every writer of offers locks in this order.
   */
  private void checkReferences(
      List<OfferRequest> items,
      Map<String, Supplier> found,
      String prefix,
      List<Problem.FieldError> errors) {
    Set<String> materialIds =
        items.stream().map(OfferRequest::material).collect(Collectors.toSet());
    Set<String> knownMaterials = materials.lockForReference(materialIds);
    java.util.function.Function<String, String> supplierHints = suppliers.hints();
    java.util.function.Function<String, String> materialHints = materials.hints();
    for (int i = 0; i < items.size() && errors.size() < 100; i++) {
      OfferRequest item = items.get(i);
      String at = prefix != null ? prefix : "[" + i + "].";
      if (!found.containsKey(item.supplierId())) {
        errors.add(
            new Problem.FieldError(
                at + "supplierId",
                "supplier '"
                    + item.supplierId()
                    + "' does not exist"
                    + supplierHints.apply(item.supplierId())));
      }
      if (!knownMaterials.contains(item.material())) {
        errors.add(
            new Problem.FieldError(
                at + "material",
                "material '"
                    + item.material()
                    + "' does not exist"
                    + materialHints.apply(item.material())));
      }
    }
    List<StageService.Reference> named = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Map<String, String> origins = items.get(i).origins();
      if (origins != null) {
        String at = prefix != null ? prefix : "[" + i + "].";
        for (String stage : origins.keySet()) {
          if (!OfferRules.SUPPLY_STAGE.equals(stage)) {
            named.add(new StageService.Reference(at + "origins[" + stage + "]", stage));
          }
        }
      }
    }
    stages.check(named, true, errors);
  }

  /** Whether writing the request would leave the stored offer as it is. */
  private static boolean same(OfferRequest request, Offer offer, Supplier supplier) {
    Map<String, String> origins =
        request.origins() == null ? Map.of() : new TreeMap<>(request.origins());
    return java.util.Objects.equals(offer.supplierId, request.supplierId())
        && java.util.Objects.equals(offer.materialId, request.material())
        && java.util.Objects.equals(
            offer.country, request.country() != null ? request.country() : supplier.country)
        && java.util.Objects.equals(offer.capacity, request.capacity())
        && java.util.Objects.equals(offer.unitPrice, request.unitPrice())
        && java.util.Objects.equals(offer.currency, request.currency())
        && java.util.Objects.equals(
            offer.origins == null ? Map.of() : new TreeMap<>(offer.origins), origins)
        && java.util.Objects.equals(offer.validFrom, request.validFrom())
        && java.util.Objects.equals(offer.validTo, request.validTo());
  }

  private static void copy(OfferRequest request, Offer offer, Supplier supplier) {
    offer.supplierId = request.supplierId();
    offer.materialId = request.material();
    offer.country = request.country() != null ? request.country() : supplier.country;
    offer.capacity = request.capacity();
    offer.unitPrice = request.unitPrice();
    offer.currency = request.currency();
    offer.origins = request.origins() == null ? Map.of() : new TreeMap<>(request.origins());
    offer.validFrom = request.validFrom();
    offer.validTo = request.validTo();
    offer.minQuantity = request.minQuantity();
    offer.lotSize = request.lotSize();
  }
}
