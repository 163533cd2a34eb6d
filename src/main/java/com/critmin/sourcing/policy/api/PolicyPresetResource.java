package com.critmin.sourcing.policy.api;

import com.critmin.sourcing.config.Roles;
import com.critmin.sourcing.error.ApiException;
import com.critmin.sourcing.policy.PolicyPresets;
import com.critmin.sourcing.policy.SourcingPolicyService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The read-only policies that encode regulations; a plan's policyId may name one. */
@Path("/v1/policy-presets")
@Tag(name = "Sourcing policies")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.PLANNER})
public class PolicyPresetResource {

  @GET
  @Operation(
      summary = "List policy presets",
      description = "Read-only policies shipped with the service, each encoding a regulation.")
  @APIResponse(
      responseCode = "200",
      description = "Every preset",
      content = @Content(schema = @Schema(implementation = PresetList.class)))
  public PresetList list() {
    return new PresetList(
        PolicyPresets.ALL.stream().map(SourcingPolicyService::toResponse).toList(), null);
  }

  @GET
  @Path("/{id}")
  @Operation(
      summary = "Read a policy preset",
      description =
          "A read-only policy encoding a regulation; a plan request names it by policyId or a stored policy extends it.")
  @APIResponse(
      responseCode = "200",
      description = "The preset",
      content = @Content(schema = @Schema(implementation = SourcingPolicyResponse.class)))
  @APIResponse(responseCode = "404", ref = "NotFound")
  public SourcingPolicyResponse get(@PathParam("id") String id) {
    return PolicyPresets.find(id)
        .map(SourcingPolicyService::toResponse)
        .orElseThrow(() -> ApiException.notFound("Policy preset", id));
  }

  /** The list response: every preset on one page. */
  @Schema(name = "PolicyPresetList")
  public record PresetList(List<SourcingPolicyResponse> items, String nextCursor) {}
}
