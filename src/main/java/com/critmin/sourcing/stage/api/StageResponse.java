package com.critmin.sourcing.stage.api;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A processing stage as the API shows it. */
@Schema(name = "Stage")
public record StageResponse(
    @Schema(example = "SEPARATION") String id,
    @Schema(example = "Separation into individual rare-earth oxides") String name,
    @Schema(description = "Built-in stages are read-only", readOnly = true) boolean builtIn,
    @Schema(nullable = true, readOnly = true) Instant createdAt,
    @Schema(nullable = true, readOnly = true) Instant updatedAt) {}
