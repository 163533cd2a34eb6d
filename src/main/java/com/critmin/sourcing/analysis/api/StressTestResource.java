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

/** Stress tests, which loss hurts most: POST computes and stores one; they are immutable. */
@Path("/v1/stress-tests")
@Tag(name = "Stress tests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLANNER)
public class StressTestResource {
  private final AnalysisService analyses;

  public StressTestResource(AnalysisService analyses) {
    this.analyses = analyses;
  }

  @POST
  @Operation(
      operationId = "createStressTest",
      summary = "Compute and store a stress test",
      description =
          "Re-solves the problem once per shock (a country at every or one stage, a supplier, optionally a capacity factor; default every country in the baseline) with shortfall allowed at the usual penalty, and ranks the shocks by shortfall, then cost delta. Takes the problem of a plan, award rules included (their fixed costs count in each outcome's cost).")
  @RequestBody(
      content =
          @Content(
              schema = @Schema(implementation = StressTestRequest.class),
              examples =
                  @ExampleObject(
                      name = "demo",
                      summary = "Every country of the baseline on the demo data",
                      value =
                          """
                    {"demand": [{"material": "NDPR_OXIDE", "quantity": 1200}, {"material": "DY_OXIDE", "quantity": 100}], "policyId": "crma-65"}""")))
  @APIResponse(
      responseCode = "201",
      description = "The stored stress test, at Location",
      content = @Content(schema = @Schema(implementation = StressTestResponse.class)))
  @APIResponse(
      responseCode = "202",
      description =
          "With Prefer: respond-async: the PENDING stress test, at Location; poll it until its status is final",
      content = @Content(schema = @Schema(implementation = StressTestResponse.class)))
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
      @NotNull(message = "a JSON body is required") @Valid StressTestRequest body,
      @Context UriInfo uriInfo) {
    boolean async = Responses.respondAsync(prefer);
    AnalysisService.StoredRun run = analyses.createStressTest(body, async);
    return Responses.posted(run.id(), async, run.json(), uriInfo);
  }

  @GET
  @Path("/{id}")
  @Produces({MediaType.APPLICATION_JSON, AnalysisViews.SVG, AnalysisViews.CSV})
  @Operation(
      operationId = "getStressTest",
      summary = "Read a stress test",
      description =
          "JSON by default; Accept: image/svg+xml draws it (a ranked bar chart of cost deltas, shortfalls marked), Accept: text/csv tabulates it.")
  @APIResponse(
      responseCode = "200",
      description = "The stress test",
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = StressTestResponse.class)),
        @Content(mediaType = AnalysisViews.SVG, schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = AnalysisViews.CSV, schema = @Schema(type = SchemaType.STRING))
      })
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response get(@PathParam("id") String id, @Context HttpHeaders headers) {
    String type = AnalysisViews.chosen(headers);
    String body =
        switch (type) {
          case AnalysisViews.SVG -> analyses.stressTestSvg(id).orElseThrow(() -> notFound(id));
          case AnalysisViews.CSV -> analyses.stressTestCsv(id).orElseThrow(() -> notFound(id));
          default ->
              analyses.findJson(AnalysisKind.STRESS_TEST, id).orElseThrow(() -> notFound(id));
        };
    return Response.ok(body, type).tag(Etags.ofText(body)).header("Vary", "Accept").build();
  }

  @DELETE
  @Path("/{id}")
  @Operation(
      operationId = "cancelStressTest",
      summary = "Cancel an asynchronous stress test",
      description =
          "A PENDING or RUNNING stress test becomes CANCELLED at once; its job is removed, or stopped and its result dropped."
              + " One already final cannot be cancelled (409).")
  @APIResponse(
      responseCode = "200",
      description = "The CANCELLED stress test",
      content = @Content(schema = @Schema(implementation = StressTestResponse.class)))
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
  public Response cancel(@PathParam("id") String id) {
    return Response.ok(
            analyses.cancel(AnalysisKind.STRESS_TEST, id).json(), MediaType.APPLICATION_JSON_TYPE)
        .build();
  }

  @GET
  @Path("/{id}/input")
  @Operation(
      operationId = "getStressTestInput",
      summary = "Read the input a stress test was computed from",
      description =
          "The canonical input snapshot (its parameters and the resolved problem) whose SHA-256 is its inputDigest.")
  @APIResponse(
      responseCode = "200",
      description = "The input snapshot",
      content = @Content(schema = @Schema(implementation = AnalysisInputs.StressTestInput.class)))
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response input(@PathParam("id") String id) {
    String json =
        analyses.findInputJson(AnalysisKind.STRESS_TEST, id).orElseThrow(() -> notFound(id));
    // A snapshot never changes: its tag holds for as long as it exists.
    return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).tag(Etags.ofText(json)).build();
  }

  @GET
  @Operation(
      operationId = "listStressTests",
      summary = "List stress tests",
      description = "Newest first.")
  @APIResponse(
      responseCode = "200",
      description = "A page of summaries",
      content = @Content(schema = @Schema(implementation = StressTestPage.class)))
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
    return analyses.list(AnalysisKind.STRESS_TEST, status, cursor, Cursors.limit(limit));
  }

  private static ApiException notFound(String id) {
    return ApiException.notFound("Stress test", id);
  }

  /** The list response, named for the OpenAPI document. */
  @Schema(name = "StressTestPage")
  public record StressTestPage(
      List<AnalysisSummary> items,
      @Schema(description = Page.NEXT_CURSOR, nullable = true) String nextCursor) {}
}
