package com.critmin.sourcing.plan.api;

import com.critmin.sourcing.common.Cursors;
import com.critmin.sourcing.common.Etags;
import com.critmin.sourcing.common.Page;
import com.critmin.sourcing.common.QueryValues;
import com.critmin.sourcing.common.Responses;
import com.critmin.sourcing.config.Roles;
import com.critmin.sourcing.error.ApiException;
import com.critmin.sourcing.idempotency.IdempotencyKeys;
import com.critmin.sourcing.plan.PlanService;
import com.critmin.sourcing.plan.PlanStatus;
import com.critmin.sourcing.plan.PlanStore;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Arrays;
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

/** Allocation plans: POST solves and stores one; plans are immutable. */
@Path("/v1/allocation-plans")
@Tag(name = "Allocation plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLANNER)
public class AllocationPlanResource {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  /**
   * The Swagger UI's runnable example with award rules (AwardRulesApiTest posts it): CN is capped
   * at 650 t, bought in 50 t lots; the other 350 t go to MP Materials, whose 400,000 USD
   * qualification still beats Lynas' higher price.
   */
  public static final String AWARD_RULES_EXAMPLE =
      """
      {"demand": [{"material": "NDPR_OXIDE", "quantity": 1000, "unit": "t"}],
       "policy": {"maxCountryShare": 0.65, "minSuppliers": 2, "maxSuppliers": 3},
       "offers": [
        {"id": "cn-1", "material": "NDPR_OXIDE", "supplier": {"id": "cnre", "name": "China Northern", "country": "CN"}, "capacity": 900, "unitPrice": 69000, "currency": "USD", "lotSize": 50},
        {"id": "lynas-ndpr-inline", "material": "NDPR_OXIDE", "supplier": {"id": "lynas", "name": "Lynas Rare Earths", "country": "AU"}, "country": "MY", "capacity": 500, "unitPrice": 82500, "currency": "USD", "minQuantity": 200},
        {"id": "mp-ndpr-inline", "material": "NDPR_OXIDE", "supplier": {"id": "mp", "name": "MP Materials", "country": "US", "fixedCost": 400000}, "capacity": 400, "unitPrice": 80000, "currency": "USD", "minQuantity": 100}]}""";

  private final PlanService plans;
  private final IdempotencyKeys idempotency;

  public AllocationPlanResource(PlanService plans, IdempotencyKeys idempotency) {
    this.plans = plans;
    this.idempotency = idempotency;
  }

  @POST
  @Operation(
      operationId = "createPlan",
      summary = "Solve and store an allocation plan",
      description =
          "Finds the cheapest allocation of the demand that respects capacities and every concentration limit."
              + " Stored mode (no 'offers'): the stored offers of the demanded materials valid on asOf. Stateless"
              + " mode: the inline 'offers'. A request that cannot be met is not an error: the plan has status"
              + " INFEASIBLE and a diagnosis.")
  @RequestBody(
      content =
          @Content(
              schema = @Schema(implementation = PlanRequest.class),
              examples = {
                @ExampleObject(
                    name = "stored",
                    summary = "Stored offers under a stored policy",
                    value =
                        """
                    {"demand": [{"material": "NDPR_OXIDE", "quantity": 1200}], "policyId": "crma-65"}"""),
                @ExampleObject(
                    name = "stateless",
                    summary = "Inline offers, 65 % country cap (prices per tonne)",
                    value =
                        """
                    {"demand": [{"material": "NDPR_OXIDE", "quantity": 1000}],
                     "policy": {"maxCountryShare": 0.65},
                     "offers": [
                      {"id": "cn-1", "material": "NDPR_OXIDE", "supplier": {"id": "cnre", "name": "China Northern", "country": "CN"}, "capacity": 900, "unitPrice": 69000, "currency": "USD", "origins": {"MINING": "CN", "SEPARATION": "CN"}},
                      {"id": "lynas-ndpr-inline", "material": "NDPR_OXIDE", "supplier": {"id": "lynas", "name": "Lynas Rare Earths", "country": "AU"}, "country": "MY", "capacity": 500, "unitPrice": 82500, "currency": "USD", "origins": {"MINING": "AU", "SEPARATION": "MY"}}]}"""),
                @ExampleObject(
                    name = "scenario",
                    summary = "What if China is unavailable? (nothing Chinese at any stage)",
                    value =
                        """
                    {"demand": [{"material": "NDPR_OXIDE", "quantity": 1200}], "policyId": "crma-65",
                     "scenario": {"countryOutages": [{"country": "CN"}]}, "allowShortfall": true,
                     "reference": "what-if-no-china"}"""),
                @ExampleObject(
                    name = "awardRules",
                    summary =
                        "Award rules: lots, minimum orders, a supplier's fixed cost, 2 to 3"
                            + " suppliers",
                    value = AWARD_RULES_EXAMPLE),
                @ExampleObject(
                    name = "infeasible",
                    summary =
                        "Infeasible: dysprosium under the strict CRMA policy, with a diagnosis",
                    value =
                        """
                    {"demand": [{"material": "DY_OXIDE", "quantity": 100}], "policyId": "crma-strict"}""")
              }))
  @APIResponse(
      responseCode = "201",
      description = "The plan (OPTIMAL, INFEASIBLE, TIME_LIMIT or FAILED), at Location",
      headers =
          @org.eclipse.microprofile.openapi.annotations.headers.Header(
              name = "Location",
              description = "The plan's URL",
              schema = @Schema(type = SchemaType.STRING, format = "uri")),
      content = @Content(schema = @Schema(implementation = PlanResponse.class)))
  @APIResponse(
      responseCode = "202",
      description =
          "With Prefer: respond-async: the PENDING plan, at Location (also sent as Location); poll it"
              + " until its status is final (PENDING -> RUNNING -> OPTIMAL, INFEASIBLE, TIME_LIMIT or FAILED;"
              + " CANCELLED after DELETE). Any replica solves it, again if one stops while solving it."
              + " 503 with Retry-After when the job queue is full",
      content =
          @Content(
              schema = @Schema(implementation = PlanResponse.class),
              examples =
                  @ExampleObject(
                      name = "pending",
                      value =
                          """
                  {"id": "01JD3M6Q8Z6V3K2Y5W7X9A1B2C", "reference": "REQ-2026-0042", "status": "PENDING",
                   "createdAt": "2026-11-30T09:15:00Z", "completedAt": null, "currency": "USD", "totalCost": null,
                   "allocations": [], "materials": [], "bindingConstraints": [], "bindingGroups": [],
                   "diagnosis": null, "warnings": [], "failure": null, "solver": null,
                   "inputDigest": "sha256:4f9c2a7e0d1b3c5a6e8f9d0c1b2a3e4f5d6c7b8a9e0f1d2c3b4a5e6f7d8c9b0a"}""")))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
  @APIResponse(
      responseCode = "422",
      ref = "ValidationFailed",
      description =
          "A field is out of range, the policy, a group or (stored mode) a material does not exist, or too many offers")
  public Response create(
      @Parameter(
              description =
                  "respond-async: answer 202 at once with a PENDING plan and solve in the background",
              schema = @Schema(enumeration = {"respond-async"}))
          @HeaderParam("Prefer")
          String prefer,
      @Parameter(
              description =
                  "Makes a retry safe: the same key with the same request within the retention"
                      + " (24 h by default) answers the first plan again (same status and id, no"
                      + " second solve); the same key with another request is 422",
              example = "9f1c2a7e-erp-run-2026-11-30-0042")
          @HeaderParam(IDEMPOTENCY_KEY)
          String idempotencyKey,
      @NotNull(message = "a JSON body is required") @Valid PlanRequest body,
      @Context UriInfo uriInfo,
      @Context SecurityContext security) {
    boolean async = Responses.respondAsync(prefer);
    if (idempotencyKey == null) {
      return answer(solve(body, async, uriInfo), null, false);
    }
    Solved[] fresh = new Solved[1];
    IdempotencyKeys.Outcome outcome =
        idempotency.once(
            IdempotencyKeys.scope(security),
            "POST /v1/allocation-plans",
            idempotencyKey,
            idempotency.digest(body, async ? "respond-async" : "sync"),
            () -> {
              fresh[0] = solve(body, async, uriInfo);
              return new IdempotencyKeys.Answer(
                  fresh[0].status(), null, fresh[0].location().toString(), fresh[0].plan().id());
            });
    if (!outcome.replayed()) {
      return answer(fresh[0], null, false);
    }
    // The first answer again: the plan it created, as stored now (an asynchronous one may have
    // moved on from PENDING), with the first status and Location.
    IdempotencyKeys.Answer first = outcome.answer();
    String json =
        plans
            .findJson(first.resourceId())
            .orElseThrow(() -> ApiException.notFound("Allocation plan", first.resourceId()));
    return answer(
        new Solved(
            new PlanService.StoredPlan(first.resourceId(), json),
            first.status(),
            URI.create(first.location())),
        json,
        true);
  }

  /** A plan just created (or created by the first request with an idempotency key). */
  private record Solved(PlanService.StoredPlan plan, int status, URI location) {}

  private Solved solve(PlanRequest body, boolean async, UriInfo uriInfo) {
    PlanService.StoredPlan plan = async ? plans.createAsync(body) : plans.create(body);
    return new Solved(
        plan, async ? 202 : 201, uriInfo.getAbsolutePathBuilder().path(plan.id()).build());
  }

  private static Response answer(Solved solved, String json, boolean replayed) {
    Response.ResponseBuilder response =
        Response.status(solved.status()).location(solved.location());
    if (solved.status() == 202) {
      response.header("Preference-Applied", "respond-async");
    }
    if (replayed) {
      response.header("Idempotent-Replayed", "true");
    }
    return response
        .entity(json != null ? json : solved.plan().json())
        .type(MediaType.APPLICATION_JSON_TYPE)
        .build();
  }

  @GET
  @Path("/{id}")
  @Operation(
      operationId = "getPlan",
      summary = "Read a plan",
      description =
          "A plan is immutable once final; PENDING and RUNNING plans (Prefer: respond-async) move to their final status.")
  @APIResponse(
      responseCode = "200",
      description = "The plan",
      content = @Content(schema = @Schema(implementation = PlanResponse.class)))
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response get(@PathParam("id") String id) {
    String json =
        plans.findJson(id).orElseThrow(() -> ApiException.notFound("Allocation plan", id));
    // A plan changes only while PENDING or RUNNING; its text identifies the version.
    return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).tag(Etags.ofText(json)).build();
  }

  @DELETE
  @Path("/{id}")
  @Operation(
      operationId = "cancelPlan",
      summary = "Cancel an asynchronous plan",
      description =
          "A PENDING or RUNNING plan becomes CANCELLED at once; its solve is stopped or its result dropped."
              + " A plan already final cannot be cancelled (409).")
  @APIResponse(
      responseCode = "200",
      description = "The CANCELLED plan",
      content = @Content(schema = @Schema(implementation = PlanResponse.class)))
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
  public Response cancel(@PathParam("id") String id) {
    return Response.ok(plans.cancel(id).json(), MediaType.APPLICATION_JSON_TYPE).build();
  }

  @GET
  @Path("/{id}/input")
  @Operation(
      operationId = "getPlanInput",
      summary = "Read the input a plan was solved from",
      description =
          "The canonical input snapshot (resolved policy, scenario, demand and offers) whose SHA-256 is the plan's inputDigest.")
  @APIResponse(
      responseCode = "200",
      description = "The input snapshot",
      content = @Content(schema = @Schema(implementation = PlanInput.class)))
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response input(@PathParam("id") String id) {
    String json =
        plans.findInputJson(id).orElseThrow(() -> ApiException.notFound("Allocation plan", id));
    // A snapshot never changes: its tag holds for as long as it exists.
    return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).tag(Etags.ofText(json)).build();
  }

  @GET
  @Operation(
      operationId = "listPlans",
      summary = "List plans",
      description =
          "Newest first, optionally filtered by status, creation time, demanded material, policy and the client's reference.")
  @APIResponse(
      responseCode = "200",
      description = "A page of plan summaries",
      content = @Content(schema = @Schema(implementation = PlanPage.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  public Page<PlanSummary> list(
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
              description = "Only plans with this status",
              schema = @Schema(implementation = PlanStatus.class))
          @QueryParam("status")
          String status,
      @Parameter(
              description = "Only plans created at or after this instant (ISO 8601)",
              schema = @Schema(type = SchemaType.STRING, format = "date-time"),
              example = "2026-11-01T00:00:00Z")
          @QueryParam("createdFrom")
          String createdFrom,
      @Parameter(
              description = "Only plans created before this instant (ISO 8601)",
              schema = @Schema(type = SchemaType.STRING, format = "date-time"))
          @QueryParam("createdTo")
          String createdTo,
      @Parameter(description = "Only plans that demand this material", example = "NDPR_OXIDE")
          @QueryParam("material")
          String material,
      @Parameter(
              description = "Only plans solved under this stored policy or preset (policyId)",
              example = "crma-65")
          @QueryParam("policyId")
          String policyId,
      @Parameter(
              description = "Only plans whose request carried this reference (exact match)",
              example = "REQ-2026-0042")
          @QueryParam("reference")
          String reference) {
    java.time.Instant from = QueryValues.instant("createdFrom", createdFrom);
    java.time.Instant to = QueryValues.instant("createdTo", createdTo);
    if (from != null && to != null && !from.isBefore(to)) {
      throw QueryValues.invalid(
          "createdFrom",
          "must be before createdTo ("
              + to
              + ", which is exclusive): the range would select nothing");
    }
    return plans.list(
        cursor,
        Cursors.limit(limit),
        new PlanStore.Filters(
            status(status),
            from,
            to,
            blankToNull(material),
            blankToNull(policyId),
            blankToNull(reference)));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static PlanStatus status(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return PlanStatus.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw QueryValues.invalid("status", "must be one of " + Arrays.toString(PlanStatus.values()));
    }
  }

  /** The list response, named for the OpenAPI document. */
  @Schema(name = "AllocationPlanPage")
  public record PlanPage(
      List<PlanSummary> items,
      @Schema(description = Page.NEXT_CURSOR, nullable = true) String nextCursor) {}
}
