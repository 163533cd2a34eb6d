package com.critmin.sourcing.plan.api;

import com.critmin.sourcing.common.CountryCode;
import com.critmin.sourcing.common.ResourceIds;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What-if changes applied to one solve only. */
@Schema(name = "Scenario")
public record ScenarioRequest(
    @Schema(
            description =
                "Countries whose offers are unavailable as their SUPPLY country (the country an offer"
                    + " ships from); to make a country unavailable at every stage use countryOutages",
            example = "[\"CN\"]")
        @Size(max = 300)
        List<@NotNull @CountryCode String> unavailableCountries,
    @Schema(description = "Suppliers that are unavailable") @Size(max = 100000)
        List<@NotNull @Pattern(regexp = ResourceIds.REGEX, message = ResourceIds.MESSAGE) String>
            unavailableSuppliers,
    @Schema(description = "Price multipliers (tariffs)") @Size(max = 100000)
        List<@Valid @NotNull FactorRequest> priceFactors,
    @Schema(description = "Capacity multipliers") @Size(max = 100000)
        List<@Valid @NotNull FactorRequest> capacityFactors,
    @Schema(
            description =
                "Countries unavailable at every stage (\"what if China is unavailable?\": nothing mined,"
                    + " separated, refined or shipped there) or at the stages named",
            example = "[{\"country\": \"CN\"}]")
        @Size(max = 300)
        List<@Valid @NotNull CountryOutageRequest> countryOutages) {}
