package com.critmin.sourcing.stage.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of a stage PUT. It accepts what a GET returned: {@code id} must equal the path's, the
 * read-only members are ignored.
 */
@Schema(name = "StageRequest")
public record StageRequest(
    @Schema(description = "Equal to the id in the path, or absent", nullable = true) String id,
    @Schema(example = "Leaching of ionic clays") @NotBlank @Size(max = 200) String name,
    @Schema(readOnly = true, nullable = true) Boolean builtIn,
    @Schema(readOnly = true, nullable = true) Instant createdAt,
    @Schema(readOnly = true, nullable = true) Instant updatedAt) {}
