package com.critmin.sourcing.plan.api;

import com.critmin.sourcing.common.Amounts;
import com.critmin.sourcing.common.Finite;
import com.critmin.sourcing.common.ResourceIds;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How much of one material to buy. */
@Schema(name = "DemandLine")
public record DemandLine(
    @Schema(example = "NDPR_OXIDE")
        @NotNull
        @Pattern(regexp = ResourceIds.REGEX, message = ResourceIds.MESSAGE)
        String material,
    @Schema(description = "Quantity in the material's unit", example = "1200")
        @NotNull
        @Finite
        @PositiveOrZero
        @DecimalMax(value = Amounts.MAX, message = Amounts.MAX_MESSAGE)
        Double quantity,
    @Schema(
            description =
                "Penalty per unit of unmet demand when shortfall is allowed; overrides the request's",
            nullable = true)
        @Finite
        @Positive
        @DecimalMax(value = Amounts.MAX, message = Amounts.MAX_MESSAGE)
        Double shortfallPenalty,
    @Schema(
            description =
                "Unit of the quantity, echoed on the plan's lines in stateless mode (inline"
                    + " offers); with stored offers the plan takes the unit from master data",
            example = "t",
            nullable = true)
        @Size(max = 16)
        String unit) {}
