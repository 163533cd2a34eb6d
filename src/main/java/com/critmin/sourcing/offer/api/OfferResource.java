package com.critmin.sourcing.offer.api;

import com.critmin.sourcing.common.CountryCode;
import com.critmin.sourcing.common.Cursors;
import com.critmin.sourcing.common.Page;
import com.critmin.sourcing.common.QueryValues;
import com.critmin.sourcing.common.ResourceIds;
import com.critmin.sourcing.common.Responses;
import com.critmin.sourcing.config.Roles;
import com.critmin.sourcing.config.SourcingConfig;
import com.critmin.sourcing.error.ApiException;
import com.critmin.sourcing.idempotency.IdempotencyKeys;
import com.critmin.sourcing.offer.OfferCsv;
import com.critmin.sourcing.offer.OfferService;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Offers, keyed by client-chosen ids. */
@Path("/v1/offers")
@Tag(name = "Offers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.PLANNER})
public class OfferResource {
  private static final String IDEMPOTENCY_DESCRIPTION =
      "Makes a retry safe: the same key with the same body within the retention (24 h by default)"
          + " answers the first result again without writing twice; the same key with another body"
          + " is 422";

  private final OfferService service;
  private final SourcingConfig config;
  private final IdempotencyKeys idempotency;
  private final ObjectMapper json;

  public OfferResource(
      OfferService service, SourcingConfig config, IdempotencyKeys idempotency, ObjectMapper json) {
    this.service = service;
    this.config = config;
    this.idempotency = idempotency;
    this.json = json;
  }

  @GET
  @Operation(
      operationId = "listOffers",
      summary = "List offers",
      description =
          "Pages through offers in id order, optionally filtered by material, supplier, the country they ship from and the time of their last change.")
  @APIResponse(
      responseCode = "200",
      description = "A page of offers",
      content = @Content(schema = @Schema(implementation = OfferPage.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  public Page<OfferResponse> list(
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
      @Parameter(description = "Only offers of this material") @QueryParam("material")
          String material,
      @Parameter(description = "Only offers of this supplier") @QueryParam("supplier")
          String supplier,
      @Parameter(description = "Only offers shipping from this country")
          @QueryParam("country")
          @CountryCode
          String country,
      @Parameter(
              description =
                  "Only offers created or changed at or after this instant (ISO 8601), for"
                      + " incremental sync. An offer carries the time it was written, not the time"
                      + " its transaction committed: a bulk upsert running during your previous sync"
                      + " commits later with earlier times, so pass the previous sync's time less a"
                      + " margin (a minute is ample) and keep offers by id",
              schema = @Schema(type = SchemaType.STRING, format = "date-time"),
              example = "2026-11-01T00:00:00Z")
          @QueryParam("updatedSince")
          String updatedSince) {
    return service.list(
        cursor,
        Cursors.limit(limit),
        material,
        supplier,
        country,
        QueryValues.instant("updatedSince", updatedSince));
  }

  @POST
  @RolesAllowed(Roles.ADMIN)
  @Operation(
      operationId = "bulkUpsertOffers",
      summary = "Bulk upsert offers (JSON array or CSV)",
      description =
          "Creates or replaces up to sourcing.offers.bulk-max (default 10,000) offers in one all-or-nothing request:"
              + " one invalid item rejects them all and nothing changes. Send a JSON array of offers, each with its id,"
              + " or text/csv with one header row: id, supplierId, material, capacity, unitPrice, currency, and optionally"
              + " country, validFrom, validTo, minQuantity, lotSize and one origin.STAGE column per upstream stage"
              + " (e.g. origin.MINING, origin.SEPARATION). Errors name items as [i].field, i counted from 0 (for CSV, rows after the header).")
  @APIResponse(
      responseCode = "200",
      description = "Every offer was written",
      content = @Content(schema = @Schema(implementation = BulkUpsertResult.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "422", ref = "ValidationFailed")
  public Response bulkJson(
      @Parameter(description = IDEMPOTENCY_DESCRIPTION) @HeaderParam("Idempotency-Key")
          String idempotencyKey,
      @RequestBody(description = "Offers, each with its id")
          @NotNull(message = "a JSON array of offers is required")
          List<OfferRequest> body,
      @Context SecurityContext security) {
    if (idempotencyKey == null) {
      return Response.ok(service.bulkUpsert(body)).build();
    }
    return once(
        security,
        idempotencyKey,
        idempotency.digest(body, "application/json"),
        () -> service.bulkUpsert(body));
  }

  /** The bulk upsert once per Idempotency-Key: a retry gets the first result again. */
  private Response once(
      SecurityContext security,
      String idempotencyKey,
      String digest,
      java.util.function.Supplier<BulkUpsertResult> work) {
    IdempotencyKeys.Outcome outcome =
        idempotency.once(
            IdempotencyKeys.scope(security),
            "POST /v1/offers",
            idempotencyKey,
            digest,
            () -> new IdempotencyKeys.Answer(200, write(work.get()), null, null));
    Response.ResponseBuilder response =
        Response.status(outcome.answer().status())
            .entity(outcome.answer().body())
            .type(MediaType.APPLICATION_JSON_TYPE);
    if (outcome.replayed()) {
      response.header("Idempotent-Replayed", "true");
    }
    return response.build();
  }

  private String write(BulkUpsertResult result) {
    try {
      return json.writeValueAsString(result);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("A bulk upsert result could not be written", e);
    }
  }

  @POST
  @RolesAllowed(Roles.ADMIN)
  @Consumes("text/csv")
  @Operation(
      operationId = "bulkUpsertOffers",
      summary = "Bulk upsert offers (JSON array or CSV)",
      description =
          "Creates or replaces up to sourcing.offers.bulk-max (default 10,000) offers in one all-or-nothing request:"
              + " one invalid item rejects them all and nothing changes. Send a JSON array of offers, each"
              + " with its id (errors name items as [i].field, i counted from 0), or text/csv as follows.\n\n"
              + "Columns (one header row; names match case-insensitively, in any order):\n"
              + "- required: `id`, `supplierId`, `material`, `capacity`, `unitPrice`, `currency`\n"
              + "- optional: `country` (ships from; default the supplier's), `validFrom`, `validTo`"
              + " (ISO 8601 dates), the award rules `minQuantity` (bought not at all or at least this"
              + " much) and `lotSize` (bought in whole multiples of it), and one `origin.STAGE` column"
              + " per upstream stage (e.g. `origin.MINING`, `origin.SEPARATION`) holding that stage's"
              + " country\n\n"
              + "The separator is `,` or `;` (detected from the header row, or named by `delimiter`);"
              + " with `;` a decimal comma is read too (82,5). A UTF-8 byte-order mark is skipped"
              + " (Excel's CSV UTF-8); without one the body is read in the Content-Type's charset,"
              + " UTF-8 by default. An unknown column is 422 with a hint, unless"
              + " `unknownColumns=ignore`. Errors name rows as [i].column, i counted from 0 after"
              + " the header, and give the file's line number. The result counts created, updated"
              + " and unchanged offers.\n\n"
              + "Try it: `curl -X POST localhost:8080/v1/offers -H 'Content-Type: text/csv'"
              + " --data-binary @offers.csv`")
  @APIResponse(
      responseCode = "200",
      description = "Every offer was written",
      content = @Content(schema = @Schema(implementation = BulkUpsertResult.class)))
  @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
  @APIResponse(responseCode = "422", ref = "ValidationFailed")
  public Response bulkCsv(
      @RequestBody(
              content =
                  @Content(
                      mediaType = "text/csv",
                      schema =
                          @Schema(
                              type =
                                  org.eclipse.microprofile.openapi.annotations.enums.SchemaType
                                      .STRING),
                      example =
                          "id,supplierId,material,country,capacity,unitPrice,currency,minQuantity,lotSize,origin.MINING,origin.SEPARATION\n"
                              + "lynas-ndpr-kalgoorlie,lynas,NDPR_OXIDE,AU,1500,84000,USD,,,AU,AU\n"))
          byte[] body,
      @HeaderParam("Content-Type") @Parameter(hidden = true) String contentType,
      @Parameter(description = IDEMPOTENCY_DESCRIPTION) @HeaderParam("Idempotency-Key")
          String idempotencyKey,
      @Parameter(
              description =
                  "The separator: comma (,), semicolon (;) or tab; by default detected from the"
                      + " header row",
              schema = @Schema(enumeration = {"comma", "semicolon", "tab"}))
          @QueryParam("delimiter")
          String delimiter,
      @Parameter(
              description =
                  "reject (default): a column this service does not know is 422; ignore: such"
                      + " columns are skipped (ERP exports with extra columns)",
              schema =
                  @Schema(
                      enumeration = {"reject", "ignore"},
                      defaultValue = "reject"))
          @QueryParam("unknownColumns")
          String unknownColumns,
      @Context SecurityContext security) {
    String text = OfferCsv.decode(body == null ? new byte[0] : body, contentType);
    OfferCsv.Options options =
        new OfferCsv.Options(delimiter(delimiter), ignoreUnknown(unknownColumns));
    java.util.function.Supplier<BulkUpsertResult> work =
        () -> {
          OfferCsv.Rows rows = OfferCsv.read(text, config.offers().bulkMax(), options);
          try {
            return service.bulkUpsert(rows.offers());
          } catch (ApiException e) {
            throw OfferCsv.withLines(e, rows);
          }
        };
    if (idempotencyKey == null) {
      return Response.ok(work.get()).build();
    }
    String variant = "text/csv;" + options;
    return once(
        security,
        idempotencyKey,
        idempotency.digest(text.getBytes(StandardCharsets.UTF_8), variant),
        work);
  }

  private static Character delimiter(String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    return switch (value.toLowerCase(java.util.Locale.ROOT)) {
      case "comma", "," -> ',';
      case "semicolon", ";" -> ';';
      case "tab", "\t" -> '\t';
      default -> throw QueryValues.invalid("delimiter", "must be comma, semicolon or tab");
    };
  }

  private static boolean ignoreUnknown(String value) {
    if (value == null || value.isEmpty() || value.equalsIgnoreCase("reject")) {
      return false;
    }
    if (value.equalsIgnoreCase("ignore")) {
      return true;
    }
    throw QueryValues.invalid("unknownColumns", "must be reject or ignore");
  }

  @GET
  @Path("/{id}")
  @Operation(
      operationId = "getOffer",
      summary = "Read an offer",
      description =
          "Answers the current representation with its ETag; send that ETag as If-Match on a later write.")
  @APIResponse(
      responseCode = "200",
      description = "The offer, with its ETag",
      content = @Content(schema = @Schema(implementation = OfferResponse.class)))
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response get(@PathParam("id") String id) {
    return service
        .find(id)
        .map(Responses::read)
        .orElseThrow(() -> ApiException.notFound("Offer", id));
  }

  @PUT
  @RolesAllowed(Roles.ADMIN)
  @Path("/{id}")
  @Operation(
      operationId = "upsertOffer",
      summary = "Create or replace an offer",
      description =
          "Idempotent: 201 when the id is new, 200 when it replaced; concurrent PUTs of one id take turns (one 201, then 200s)."
              + " Send If-Match with the ETag of a read to guard against lost updates, or If-None-Match: * to create only.")
  @APIResponse(
      responseCode = "200",
      description = "Replaced",
      content = @Content(schema = @Schema(implementation = OfferResponse.class)))
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content = @Content(schema = @Schema(implementation = OfferResponse.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(
      responseCode = "412",
      ref = "PreconditionFailed",
      description =
          "If-Match does not match the current ETag, or If-None-Match: * was sent and the id exists")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(
      responseCode = "422",
      ref = "ValidationFailed",
      description = "A field is out of range, or the supplier or material does not exist")
  public Response put(
      @PathParam("id") @Pattern(regexp = ResourceIds.REGEX, message = ResourceIds.MESSAGE)
          String id,
      @Parameter(description = "ETag of the version being replaced") @HeaderParam("If-Match")
          String ifMatch,
      @Parameter(
              description =
                  "* creates only: 412 when the id already exists (also when another client created it a moment before)")
          @HeaderParam("If-None-Match")
          String ifNoneMatch,
      @NotNull(message = "a JSON body is required") @Valid OfferRequest body,
      @Context UriInfo uriInfo) {
    return Responses.put(service.put(id, body, ifMatch, ifNoneMatch), uriInfo);
  }

  @DELETE
  @RolesAllowed(Roles.ADMIN)
  @Path("/{id}")
  @Operation(
      operationId = "deleteOffer",
      summary = "Delete an offer",
      description = "Stored plans keep a snapshot of the offers they were solved with.")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "412", ref = "PreconditionFailed")
  public void delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
    service.delete(id, ifMatch);
  }

  /** The list response, named for the OpenAPI document. */
  @Schema(name = "OfferPage")
  public record OfferPage(
      java.util.List<OfferResponse> items,
      @Schema(description = Page.NEXT_CURSOR, nullable = true) String nextCursor) {}
}
