package com.critmin.sourcing.stage.api;

import com.critmin.sourcing.common.Cursors;
import com.critmin.sourcing.common.Page;
import com.critmin.sourcing.common.ResourceIds;
import com.critmin.sourcing.common.Responses;
import com.critmin.sourcing.config.Roles;
import com.critmin.sourcing.error.ApiException;
import com.critmin.sourcing.stage.StageService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The stage vocabulary: processing stages that origins, limits and scenarios may name. */
@Path("/v1/stages")
@Tag(name = "Stages")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.PLANNER})
public class StageResource {
  private final StageService service;

  public StageResource(StageService service) {
    this.service = service;
  }

  @GET
  @Operation(
      operationId = "listStages",
      summary = "List stages",
      description =
          "Pages through the built-in stages (SUPPLY included, reserved for the offer's own country), then the user-defined ones in id order.")
  @APIResponse(
      responseCode = "200",
      description = "A page of stages",
      content = @Content(schema = @Schema(implementation = StagePage.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  public Page<StageResponse> list(
      @Parameter(description = "Opaque cursor from the previous page") @QueryParam("cursor")
          String cursor,
      @Parameter(
              description = "Page size, 1 to 1000",
              schema =
                  @Schema(
                      type = SchemaType.INTEGER,
                      minimum = "1",
                      maximum = "1000",
                      defaultValue = "50"))
          @QueryParam("limit")
          String limit) {
    return service.list(cursor, Cursors.limit(limit));
  }

  @GET
  @Path("/{id}")
  @Operation(
      operationId = "getStage",
      summary = "Read a stage",
      description =
          "Answers the current representation with its ETag; send that ETag as If-Match on a later write.")
  @APIResponse(
      responseCode = "200",
      description = "The stage, with its ETag",
      content = @Content(schema = @Schema(implementation = StageResponse.class)))
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response get(@PathParam("id") String id) {
    return service
        .find(id)
        .map(Responses::read)
        .orElseThrow(() -> ApiException.notFound("Stage", id));
  }

  @PUT
  @RolesAllowed(Roles.ADMIN)
  @Path("/{id}")
  @Operation(
      operationId = "upsertStage",
      summary = "Create or replace a stage",
      description =
          "Built-in stages (MINING, SEPARATION, REFINING, METAL, MAGNET) and the reserved SUPPLY are read-only: 405. Ids are upper-case names such as LEACHING. The body a GET returned is accepted as is (id equal to the path, read-only members ignored). Idempotent: 201 when the id is new, 200 when it replaced; concurrent PUTs of one id take turns (one 201, then 200s)."
              + " Send If-Match with the ETag of a read to guard against lost updates, or If-None-Match: * to create only.")
  @APIResponse(
      responseCode = "200",
      description = "Replaced",
      content = @Content(schema = @Schema(implementation = StageResponse.class)))
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content = @Content(schema = @Schema(implementation = StageResponse.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "405", ref = "ReadOnly")
  @APIResponse(
      responseCode = "412",
      ref = "PreconditionFailed",
      description =
          "If-Match does not match the current ETag, or If-None-Match: * was sent and the id exists")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "422", ref = "ValidationFailed")
  public Response put(
      @PathParam("id")
          @Pattern(regexp = ResourceIds.STAGE_REGEX, message = ResourceIds.STAGE_MESSAGE)
          String id,
      @Parameter(description = "ETag of the version being replaced") @HeaderParam("If-Match")
          String ifMatch,
      @Parameter(
              description =
                  "* creates only: 412 when the id already exists (also when another client created it a moment before)")
          @HeaderParam("If-None-Match")
          String ifNoneMatch,
      @NotNull(message = "a JSON body is required") @Valid StageRequest body,
      @Context UriInfo uriInfo) {
    return Responses.put(service.put(id, body, ifMatch, ifNoneMatch), uriInfo);
  }

  @DELETE
  @RolesAllowed(Roles.ADMIN)
  @Path("/{id}")
  @Operation(
      operationId = "deleteStage",
      summary = "Delete a stage",
      description =
          "Built-in stages and SUPPLY are read-only: 405. Refused with 409 while a stored offer or policy names it.")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "405", ref = "ReadOnly")
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "412", ref = "PreconditionFailed")
  public void delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
    service.delete(id, ifMatch);
  }

  /** The list response, named for the OpenAPI document. */
  @Schema(name = "StagePage")
  public record StagePage(
      java.util.List<StageResponse> items,
      @Schema(description = Page.NEXT_CURSOR, nullable = true) String nextCursor) {}
}
