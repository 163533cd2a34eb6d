package com.critmin.sourcing.policy.api;

import com.critmin.sourcing.common.Etags;
import com.critmin.sourcing.common.Page;
import com.critmin.sourcing.config.Roles;
import com.critmin.sourcing.error.ApiException;
import com.critmin.sourcing.policy.PolicyPresets;
import com.critmin.sourcing.policy.SourcingPolicyService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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
  private final ObjectMapper json;

  public PolicyPresetResource(ObjectMapper json) {
    this.json = json;
  }

  @GET
  @Operation(
      operationId = "listPolicyPresets",
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
      operationId = "getPolicyPreset",
      summary = "Read a policy preset",
      description =
          "A read-only policy encoding a regulation; a plan request names it by policyId or a stored policy extends it.")
  @APIResponse(
      responseCode = "200",
      description = "The preset",
      content = @Content(schema = @Schema(implementation = SourcingPolicyResponse.class)))
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response get(@PathParam("id") String id) {
    SourcingPolicyResponse preset =
        PolicyPresets.find(id)
            .map(SourcingPolicyService::toResponse)
            .orElseThrow(() -> ApiException.notFound("Policy preset", id));
    // Presets change only with a release; the text's tag follows them.
    String body;
    try {
      body = json.writeValueAsString(preset);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A policy preset could not be written", e);
    }
    return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).tag(Etags.ofText(body)).build();
  }

  /** The list response: every preset on one page. */
  @Schema(name = "PolicyPresetList")
  public record PresetList(
      List<SourcingPolicyResponse> items,
      @Schema(description = Page.NEXT_CURSOR, nullable = true) String nextCursor) {}
}
