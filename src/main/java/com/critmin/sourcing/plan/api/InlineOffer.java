package com.critmin.sourcing.plan.api;

import com.critmin.sourcing.common.Amounts;
import com.critmin.sourcing.common.CountryCode;
import com.critmin.sourcing.common.CurrencyCode;
import com.critmin.sourcing.common.Finite;
import com.critmin.sourcing.common.ResourceIds;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An offer given in the request itself (stateless mode), with its supplier inline. Its annotations
 * state the field rules; a plan request applies them through the faster InlineOfferChecks, which a
 * test holds to the same fields and messages.
 */
@Schema(name = "InlineOffer")
public record InlineOffer(
    @Schema(example = "lynas-ndpr-kalgoorlie")
        @NotNull
        @Pattern(regexp = ResourceIds.REGEX, message = ResourceIds.MESSAGE)
        String id,
    @Schema(example = "NDPR_OXIDE")
        @NotNull
        @Pattern(regexp = ResourceIds.REGEX, message = ResourceIds.MESSAGE)
        String material,
    @NotNull @Valid InlineSupplier supplier,
    @Schema(
            description = "Country it ships from (stage SUPPLY); defaults to the supplier's",
            example = "MY",
            nullable = true)
        @CountryCode
        String country,
    @Schema(example = "500")
        @NotNull
        @Finite
        @PositiveOrZero
        @DecimalMax(value = Amounts.MAX, message = Amounts.MAX_MESSAGE)
        Double capacity,
    @Schema(example = "82500")
        @NotNull
        @Finite
        @PositiveOrZero
        @DecimalMax(value = Amounts.MAX, message = Amounts.MAX_MESSAGE)
        Double unitPrice,
    @Schema(description = "Must equal the request's currency", example = "USD") @CurrencyCode
        String currency,
    @Schema(example = "{\"MINING\": \"AU\", \"SEPARATION\": \"MY\"}") @Size(max = 32)
        Map<
                @Pattern(regexp = ResourceIds.STAGE_REGEX, message = ResourceIds.STAGE_MESSAGE)
                String,
                @NotNull
                @CountryCode(
                    allowUnknown = true,
                    message =
                        "must be an ISO 3166-1 alpha-2 country code such as AU or CN (or ZZ for unknown)")
                String>
            origins,
    @Schema(nullable = true) LocalDate validFrom,
    @Schema(nullable = true) LocalDate validTo,
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
        Double lotSize) {

  /** An inline offer without award rules. */
  public InlineOffer(
      String id,
      String material,
      InlineSupplier supplier,
      String country,
      Double capacity,
      Double unitPrice,
      String currency,
      Map<String, String> origins,
      LocalDate validFrom,
      LocalDate validTo) {
    this(
        id, material, supplier, country, capacity, unitPrice, currency, origins, validFrom, validTo,
        null, null);
  }

  /** The supplier of an inline offer. */
  @Schema(name = "InlineSupplier")
  public record InlineSupplier(
      @Schema(example = "lynas")
          @NotNull
          @Pattern(regexp = ResourceIds.REGEX, message = ResourceIds.MESSAGE)
          String id,
      @Schema(example = "Lynas Rare Earths") @Size(max = 200) String name,
      @Schema(example = "AU") @NotNull @CountryCode String country,
      @Schema(
              description =
                  "Award rule: paid once, in the request's currency, if any of the supplier's offers is awarded (qualification, onboarding, tooling); the same on every offer of the supplier",
              example = "40000",
              nullable = true)
          @Finite
          @PositiveOrZero
          @DecimalMax(value = Amounts.MAX, message = Amounts.MAX_MESSAGE)
          Double fixedCost) {

    /** A supplier without a fixed cost. */
    public InlineSupplier(String id, String name, String country) {
      this(id, name, country, null);
    }
  }
}
