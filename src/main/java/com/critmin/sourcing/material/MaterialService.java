package com.critmin.sourcing.material;

import com.critmin.sourcing.common.MasterDataService;
import com.critmin.sourcing.material.api.MaterialRequest;
import com.critmin.sourcing.material.api.MaterialResponse;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;

/** Materials: create or replace, read, delete (refused while offers use it), list. */
@ApplicationScoped
@Transactional
public class MaterialService
    extends MasterDataService<Material, MaterialRequest, MaterialResponse> {
  private final MaterialRepository materials;
  private final Instance<MaterialUsage> usages;

  public MaterialService(MaterialRepository materials, Instance<MaterialUsage> usages) {
    this.materials = materials;
    this.usages = usages;
  }

  @Override
  protected PanacheRepositoryBase<Material, String> repository() {
    return materials;
  }

  @Override
  protected String kind() {
    return "Material";
  }

  @Override
  protected Material newEntity() {
    return new Material();
  }

  @Override
  protected String idOf(MaterialRequest request) {
    return request.id();
  }

  @Override
  protected void apply(String id, MaterialRequest request, Material entity) {
    entity.name = request.name().strip();
    entity.unit = request.unit();
  }

  @Override
  protected MaterialResponse toResponse(Material entity) {
    return MaterialResponse.from(entity);
  }

  @Override
  protected void checkDeletable(Material material) {
    refuseIfUsed(
        material.id,
        usages.stream().map(usage -> usage.usesOfMaterial(material.id)),
        "delete or move them first");
  }
}
