package com.critmin.sourcing.supplier;

import com.critmin.sourcing.common.MasterDataService;
import com.critmin.sourcing.supplier.api.SupplierRequest;
import com.critmin.sourcing.supplier.api.SupplierResponse;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;

/** Suppliers: create or replace, read, delete (refused while offers use it), list. */
@ApplicationScoped
@Transactional
public class SupplierService
    extends MasterDataService<Supplier, SupplierRequest, SupplierResponse> {
  private final SupplierRepository suppliers;
  private final Instance<SupplierUsage> usages;

  public SupplierService(SupplierRepository suppliers, Instance<SupplierUsage> usages) {
    this.suppliers = suppliers;
    this.usages = usages;
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
  protected String idOf(SupplierRequest request) {
    return request.id();
  }

  @Override
  protected void apply(String id, SupplierRequest request, Supplier entity) {
    entity.name = request.name().strip();
    entity.country = request.country();
    entity.fixedCost = request.fixedCost();
  }

  @Override
  protected SupplierResponse toResponse(Supplier entity) {
    return SupplierResponse.from(entity);
  }

  @Override
  protected void checkDeletable(Supplier supplier) {
    refuseIfUsed(
        supplier.id,
        usages.stream().map(usage -> usage.usesOfSupplier(supplier.id)),
        "delete or move them first");
  }
}
