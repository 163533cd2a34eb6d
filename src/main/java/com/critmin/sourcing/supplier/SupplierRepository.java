package com.critmin.sourcing.supplier;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Suppliers by id. */
@ApplicationScoped
public class SupplierRepository implements PanacheRepositoryBase<Supplier, String> {}
