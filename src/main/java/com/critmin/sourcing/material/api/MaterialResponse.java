package com.critmin.sourcing.material.api;

import com.critmin.sourcing.material.Material;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A material as the API shows it. */
@Schema(name = "Material")
public record MaterialResponse(
    @Schema(example = "NDPR_OXIDE") String id,
    @Schema(example = "NdPr oxide") String name,
    @Schema(example = "t") String unit,
    Instant createdAt,
    Instant updatedAt) {

  public static MaterialResponse from(Material material) {
    return new MaterialResponse(
        material.id, material.name, material.unit, material.createdAt, material.updatedAt);
  }
}
