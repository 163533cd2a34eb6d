package com.critmin.sourcing.analysis.api;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One stored frontier or stress test in a list. */
@Schema(name = "AnalysisSummary")
public record AnalysisSummary(
    String id,
    @Schema(ref = "AnalysisStatus", example = "COMPLETED") String status,
    Instant createdAt,
    @Schema(nullable = true) Instant completedAt,
    String currency,
    String inputDigest) {}
