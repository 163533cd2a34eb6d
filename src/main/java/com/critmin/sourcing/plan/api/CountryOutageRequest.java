package com.critmin.sourcing.plan.api;

import com.critmin.sourcing.common.CountryCode;
import com.critmin.sourcing.common.ResourceIds;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A country that is unavailable at every stage, or at the stages named. */
@Schema(name = "CountryOutage")
public record CountryOutageRequest(
    @Schema(example = "CN") @NotNull @CountryCode String country,
    @Schema(
            description =
                "Stages at which the country is unavailable (SUPPLY is the offer's own country);"
                    + " every stage when absent or empty: nothing from this country at any stage",
            example = "[\"SEPARATION\"]",
            nullable = true)
        @Size(max = 32)
        List<
                @NotNull
                @Pattern(regexp = ResourceIds.STAGE_REGEX, message = ResourceIds.STAGE_MESSAGE)
                String>
            stages) {}
