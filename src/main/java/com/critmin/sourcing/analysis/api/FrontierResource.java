package com.critmin.sourcing.analysis.api;

import com.critmin.sourcing.analysis.AnalysisKind;
import com.critmin.sourcing.analysis.AnalysisService;
import com.critmin.sourcing.analysis.AnalysisStatus;
import com.critmin.sourcing.common.Cursors;
import com.critmin.sourcing.common.Etags;
import com.critmin.sourcing.common.Page;
import com.critmin.sourcing.common.Responses;
import com.critmin.sourcing.config.Roles;
import com.critmin.sourcing.error.ApiException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Frontiers, the price of resilience: POST computes and stores one; they are immutable. */
@Path("/v1/frontiers")
@Tag(name = "Frontiers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLANNER)
public class FrontierResource {
  private final AnalysisService analyses;

  public FrontierResource(AnalysisService analyses) {
    this.analyses = analyses;
  }

  @POST
  @Operation(
      operationId = "createFrontier",
      summary = "Compute and store a frontier",
      description =
          "The minimum total cost as a function of one limit's level (vary), from 1.0 down to the tightest feasible level (or at the given levels), with exact breakpoints and the policy's own level as baseline. Takes the problem of a plan, award rules included: each level is then solved by the mixed-integer program and no breakpoints are traced.")
  @RequestBody(
      content =
          @Content(
              schema = @Schema(implementation = FrontierRequest.class),
              examples =
                  @ExampleObject(
                      name = "demo",
                      summary = "Uniform country cap on the demo data",
                      value =
                          """
                    {"demand": [{"material": "NDPR_OXIDE", "quantity": 1200}], "policyId": "crma-65", "vary": {"kind": "MAX_COUNTRY_SHARE"}}""")))
  @APIResponse(
      responseCode = "201",
      description = "The stored frontier, at Location",
      content = @Content(schema = @Schema(implementation = FrontierResponse.class)))
  @APIResponse(
      responseCode = "202",
      description =
          "With Prefer: respond-async: the PENDING frontier, at Location; poll it until its status is final",
      content = @Content(schema = @Schema(implementation = FrontierResponse.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "422", ref = "ValidationFailed")
  @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
  public Response create(
      @Parameter(
              description = "respond-async: answer 202 at once; a job computes it on any replica",
              schema = @Schema(enumeration = {"respond-async"}))
          @HeaderParam("Prefer")
          String prefer,
      @NotNull(message = "a JSON body is required") @Valid FrontierRequest body,
      @Context UriInfo uriInfo) {
    boolean async = Responses.respondAsync(prefer);
    AnalysisService.StoredRun run = analyses.createFrontier(body, async);
    return Responses.posted(run.id(), async, run.json(), uriInfo);
  }

  @GET
  @Path("/{id}")
  @Produces({MediaType.APPLICATION_JSON, AnalysisViews.SVG, AnalysisViews.CSV})
  @Operation(
      operationId = "getFrontier",
      summary = "Read a frontier",
      description =
          "JSON by default; Accept: image/svg+xml draws it (cost against level, breakpoints, the policy level marked, the infeasible range shaded), Accept: text/csv tabulates it.")
  @APIResponse(
      responseCode = "200",
      description = "The frontier",
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = FrontierResponse.class)),
        @Content(mediaType = AnalysisViews.SVG, schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = AnalysisViews.CSV, schema = @Schema(type = SchemaType.STRING))
      })
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response get(@PathParam("id") String id, @Context HttpHeaders headers) {
    String type = AnalysisViews.chosen(headers);
    String body =
        switch (type) {
          case AnalysisViews.SVG -> analyses.frontierSvg(id).orElseThrow(() -> notFound(id));
          case AnalysisViews.CSV -> analyses.frontierCsv(id).orElseThrow(() -> notFound(id));
          default -> analyses.findJson(AnalysisKind.FRONTIER, id).orElseThrow(() -> notFound(id));
        };
    return Response.ok(body, type).tag(Etags.ofText(body)).header("Vary", "Accept").build();
  }

  @DELETE
  @Path("/{id}")
  @Operation(
      operationId = "cancelFrontier",
      summary = "Cancel an asynchronous frontier",
      description =
          "A PENDING or RUNNING frontier becomes CANCELLED at once; its job is removed, or stopped and its result dropped."
              + " One already final cannot be cancelled (409).")
  @APIResponse(
      responseCode = "200",
      description = "The CANCELLED frontier",
      content = @Content(schema = @Schema(implementation = FrontierResponse.class)))
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
  public Response cancel(@PathParam("id") String id) {
    return Response.ok(
            analyses.cancel(AnalysisKind.FRONTIER, id).json(), MediaType.APPLICATION_JSON_TYPE)
        .build();
  }

  @GET
  @Path("/{id}/input")
  @Operation(
      operationId = "getFrontierInput",
      summary = "Read the input a frontier was computed from",
      description =
          "The canonical input snapshot (its parameters and the resolved problem) whose SHA-256 is its inputDigest.")
  @APIResponse(
      responseCode = "200",
      description = "The input snapshot",
      content = @Content(schema = @Schema(implementation = AnalysisInputs.FrontierInput.class)))
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response input(@PathParam("id") String id) {
    String json = analyses.findInputJson(AnalysisKind.FRONTIER, id).orElseThrow(() -> notFound(id));
    // A snapshot never changes: its tag holds for as long as it exists.
    return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).tag(Etags.ofText(json)).build();
  }

  @GET
  @Operation(
      operationId = "listFrontiers",
      summary = "List frontiers",
      description = "Newest first.")
  @APIResponse(
      responseCode = "200",
      description = "A page of summaries",
      content = @Content(schema = @Schema(implementation = FrontierPage.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  public Page<AnalysisSummary> list(
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
          String limit,
      @Parameter(
              description = "Only runs in this status (PENDING and RUNNING: those still at work)",
              schema = @Schema(implementation = AnalysisStatus.class))
          @QueryParam("status")
          String status) {
    return analyses.list(AnalysisKind.FRONTIER, status, cursor, Cursors.limit(limit));
  }

  private static ApiException notFound(String id) {
    return ApiException.notFound("Frontier", id);
  }

  /** The list response, named for the OpenAPI document. */
  @Schema(name = "FrontierPage")
  public record FrontierPage(
      List<AnalysisSummary> items,
      @Schema(description = Page.NEXT_CURSOR, nullable = true) String nextCursor) {}
}
