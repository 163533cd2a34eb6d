package com.critmin.sourcing.offer.api;

import com.critmin.sourcing.offer.Offer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An offer as the API shows it. */
@Schema(name = "Offer")
public record OfferResponse(
    @Schema(example = "lynas-ndpr-kalgoorlie") String id,
    @Schema(example = "lynas") String supplierId,
    @Schema(example = "NDPR_OXIDE") String material,
    @Schema(example = "MY") String country,
    @Schema(example = "500") double capacity,
    @Schema(example = "82500") double unitPrice,
    @Schema(example = "USD") String currency,
    @Schema(example = "{\"MINING\": \"AU\", \"SEPARATION\": \"MY\"}") Map<String, String> origins,
    @Schema(
            description = "First day the offer is valid (inclusive); null: no start",
            nullable = true)
        LocalDate validFrom,
    @Schema(description = "Last day the offer is valid (inclusive); null: no end", nullable = true)
        LocalDate validTo,
    @Schema(
            description = "Award rule: bought either not at all or at least this much",
            example = "50",
            nullable = true)
        Double minQuantity,
    @Schema(
            description =
                "Award rule: bought in whole multiples of this quantity (a plan never buys beyond"
                    + " demand: demand not reachable in whole lots is infeasible, or short when"
                    + " shortfall is allowed)",
            example = "25",
            nullable = true)
        Double lotSize,
    Instant createdAt,
    Instant updatedAt) {

  public static OfferResponse from(Offer offer) {
    return new OfferResponse(
        offer.id,
        offer.supplierId,
        offer.materialId,
        offer.country,
        offer.capacity,
        offer.unitPrice,
        offer.currency,
        offer.origins == null ? Map.of() : new TreeMap<>(offer.origins),
        offer.validFrom,
        offer.validTo,
        offer.minQuantity,
        offer.lotSize,
        offer.createdAt,
        offer.updatedAt);
  }
}
