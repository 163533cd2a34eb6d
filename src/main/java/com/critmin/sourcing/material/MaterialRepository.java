package com.critmin.sourcing.material;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Materials by id. */
@ApplicationScoped
public class MaterialRepository implements PanacheRepositoryBase<Material, String> {}
