package com.critmin.sourcing.plan.api;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A plan in a list: enough to pick one, without its allocation. */
@Schema(name = "AllocationPlanSummary")
public record PlanSummary(
    String id,
    @Schema(ref = "PlanStatus", example = "OPTIMAL") String status,
    Instant createdAt,
    @Schema(nullable = true) Instant completedAt,
    String currency,
    @Schema(
            description = "Purchase cost in the currency's minor unit",
            example = "9105000.00",
            nullable = true)
        java.math.BigDecimal totalCost,
    @Schema(nullable = true) String engine,
    String inputDigest) {}
