package com.critmin.sourcing.supplier;

import com.critmin.sourcing.common.MasterDataService;
import com.critmin.sourcing.error.ApiException;
import com.critmin.sourcing.offer.OfferRepository;
import com.critmin.sourcing.supplier.api.SupplierRequest;
import com.critmin.sourcing.supplier.api.SupplierResponse;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Suppliers: create or replace, read, delete (refused while offers use it), list. */
@ApplicationScoped
@Transactional
public class SupplierService
    extends MasterDataService<Supplier, SupplierRequest, SupplierResponse> {
  private final SupplierRepository suppliers;
  private final OfferRepository offers;

  public SupplierService(SupplierRepository suppliers, OfferRepository offers) {
    this.suppliers = suppliers;
    this.offers = offers;
  }

  @Override
  protected PanacheRepositoryBase<Supplier, String> repository() {
    return suppliers;
  }

  @Override
  protected String kind() {
    return "Supplier";
  }

  @Override
  protected Supplier newEntity() {
    return new Supplier();
  }

  @Override
  protected void apply(String id, SupplierRequest request, Supplier entity) {
    entity.name = request.name().strip();
    entity.country = request.country();
  }

  @Override
  protected SupplierResponse toResponse(Supplier entity) {
    return SupplierResponse.from(entity);
  }

  @Override
  protected void checkDeletable(Supplier supplier) {
    long used = offers.count("supplierId", supplier.id);
    if (used > 0) {
      throw ApiException.conflict(
          "Supplier '"
              + supplier.id
              + "' is used by "
              + used
              + " offer(s); delete or move them first");
    }
  }
}
