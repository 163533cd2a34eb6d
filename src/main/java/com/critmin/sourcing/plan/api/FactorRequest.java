package com.critmin.sourcing.plan.api;

import com.critmin.sourcing.common.Amounts;
import com.critmin.sourcing.common.CountryCode;
import com.critmin.sourcing.common.Finite;
import com.critmin.sourcing.common.ResourceIds;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A scenario factor on the offers it names: exactly one of offer, supplier or (SUPPLY) country. */
@Schema(name = "ScenarioFactor")
public record FactorRequest(
    @Schema(description = "Offer id", nullable = true)
        @Pattern(regexp = ResourceIds.REGEX, message = ResourceIds.MESSAGE)
        String offer,
    @Schema(description = "Supplier id", nullable = true)
        @Pattern(regexp = ResourceIds.REGEX, message = ResourceIds.MESSAGE)
        String supplier,
    @Schema(
            description = "Country the offers ship from (stage SUPPLY)",
            example = "CN",
            nullable = true)
        @CountryCode
        String country,
    @Schema(
            description = "Multiplier, e.g. 1.25 for a 25 % tariff or 0.5 for half the capacity",
            example = "1.25")
        @NotNull
        @Finite
        @PositiveOrZero
        @DecimalMax(value = Amounts.FACTOR_MAX, message = Amounts.FACTOR_MAX_MESSAGE)
        Double factor) {}
