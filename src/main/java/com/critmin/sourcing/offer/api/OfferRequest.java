package com.critmin.sourcing.offer.api;

import com.critmin.sourcing.common.Amounts;
import com.critmin.sourcing.common.CountryCode;
import com.critmin.sourcing.common.CurrencyCode;
import com.critmin.sourcing.common.Finite;
import com.critmin.sourcing.common.ResourceIds;
import com.critmin.sourcing.stage.NamesStages;
import com.critmin.sourcing.stage.StageReferences;
import com.critmin.sourcing.stage.StageService;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of an offer PUT; in a bulk upsert each item also carries its id. */
@Schema(name = "OfferRequest")
public record OfferRequest(
    @Schema(
            description = "Id of the offer (bulk upsert only; a PUT takes it from the path)",
            example = "lynas-ndpr-kalgoorlie")
        @Pattern(regexp = ResourceIds.REGEX, message = ResourceIds.MESSAGE)
        String id,
    @Schema(description = "Supplier id; must exist", example = "lynas")
        @NotNull
        @Pattern(regexp = ResourceIds.REGEX, message = ResourceIds.MESSAGE)
        String supplierId,
    @Schema(description = "Material id; must exist", example = "NDPR_OXIDE")
        @NotNull
        @Pattern(regexp = ResourceIds.REGEX, message = ResourceIds.MESSAGE)
        String material,
    @Schema(
            description =
                "Country it ships from (stage SUPPLY); defaults to the supplier's country",
            example = "MY")
        @CountryCode
        String country,
    @Schema(description = "Capacity per planning period, in the material's unit", example = "500")
        @NotNull
        @Finite
        @PositiveOrZero
        @DecimalMax(value = Amounts.MAX, message = Amounts.MAX_MESSAGE)
        Double capacity,
    @Schema(description = "Price per unit of the material", example = "82500")
        @NotNull
        @Finite
        @PositiveOrZero
        @DecimalMax(value = Amounts.MAX, message = Amounts.MAX_MESSAGE)
        Double unitPrice,
    @Schema(description = "ISO 4217 currency of unitPrice", example = "USD") @NotNull @CurrencyCode
        String currency,
    @Schema(
            description =
                "Country of each upstream processing stage; ZZ marks a stage of unknown origin",
            example = "{\"MINING\": \"AU\", \"SEPARATION\": \"MY\"}")
        @Size(max = 32)
        Map<
                @Pattern(regexp = ResourceIds.STAGE_REGEX, message = ResourceIds.STAGE_MESSAGE)
                String,
                @NotNull @CountryCode(allowUnknown = true) String>
            origins,
    @Schema(description = "First day the offer is valid (inclusive)", example = "2026-01-01")
        LocalDate validFrom,
    @Schema(description = "Last day the offer is valid (inclusive)", example = "2026-12-31")
        LocalDate validTo,
    @Schema(
            description = "Award rule: bought either not at all or at least this much",
            example = "50",
            nullable = true)
        @Finite
        @Positive
        @DecimalMax(value = Amounts.MAX, message = Amounts.MAX_MESSAGE)
        Double minQuantity,
    @Schema(
            description =
                "Award rule: bought in whole multiples of this quantity (a plan never buys beyond"
                    + " demand: demand not reachable in whole lots is infeasible, or short when"
                    + " shortfall is allowed)",
            example = "25",
            nullable = true)
        @Finite
        @Positive
        @DecimalMax(value = Amounts.MAX, message = Amounts.MAX_MESSAGE)
        Double lotSize,
    @Schema(readOnly = true, nullable = true, description = "Ignored on write")
        java.time.Instant createdAt,
    @Schema(readOnly = true, nullable = true, description = "Ignored on write")
        java.time.Instant updatedAt)
    implements NamesStages {

  @Override
  public List<StageService.Reference> namedStages() {
    List<StageService.Reference> found = new ArrayList<>();
    StageReferences.addOrigins("", origins(), found);
    return found;
  }
}
