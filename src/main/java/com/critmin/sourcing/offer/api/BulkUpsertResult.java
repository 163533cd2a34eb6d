package com.critmin.sourcing.offer.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an all-or-nothing bulk upsert of offers did. */
@Schema(name = "BulkUpsertResult")
public record BulkUpsertResult(
    @Schema(description = "Offers in the request", example = "3") int received,
    @Schema(description = "Offers that did not exist before", example = "2") int created,
    @Schema(description = "Existing offers changed by this request", example = "1") int updated,
    @Schema(
            description = "Existing offers the request left as they were (every value the same)",
            example = "0")
        int unchanged) {}
