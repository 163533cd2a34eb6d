package com.critmin.sourcing.offer.api;

import com.critmin.sourcing.common.CountryCode;
import com.critmin.sourcing.common.Cursors;
import com.critmin.sourcing.common.Page;
import com.critmin.sourcing.common.ResourceIds;
import com.critmin.sourcing.common.Responses;
import com.critmin.sourcing.config.Roles;
import com.critmin.sourcing.config.SourcingConfig;
import com.critmin.sourcing.error.ApiException;
import com.critmin.sourcing.offer.OfferCsv;
import com.critmin.sourcing.offer.OfferService;
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
import jakarta.ws.rs.core.UriInfo;
import java.io.Reader;
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
  private final OfferService service;
  private final SourcingConfig config;

  public OfferResource(OfferService service, SourcingConfig config) {
    this.service = service;
    this.config = config;
  }

  @GET
  @Operation(
      summary = "List offers",
      description =
          "Pages through offers in id order, optionally filtered by material, supplier and the country they ship from.")
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
          String country) {
    return service.list(cursor, Cursors.limit(limit), material, supplier, country);
  }

  @POST
  @RolesAllowed(Roles.ADMIN)
  @Operation(
      summary = "Bulk upsert offers (JSON array or CSV)",
      description =
          "Creates or replaces up to sourcing.offers.bulk-max (default 10,000) offers in one all-or-nothing request:"
              + " one invalid item rejects them all and nothing changes. Send a JSON array of offers, each with its id,"
              + " or text/csv with one header row: id, supplierId, material, capacity, unitPrice, currency, and optionally"
              + " country, validFrom, validTo and one origin.STAGE column per upstream stage (e.g. origin.MINING,"
              + " origin.SEPARATION). Errors name items as [i].field, i counted from 0 (for CSV, rows after the header).")
  @APIResponse(
      responseCode = "200",
      description = "Every offer was written",
      content = @Content(schema = @Schema(implementation = BulkUpsertResult.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "422", ref = "ValidationFailed")
  public BulkUpsertResult bulkJson(
      @RequestBody(description = "Offers, each with its id")
          @NotNull(message = "a JSON array of offers is required")
          List<OfferRequest> body) {
    return service.bulkUpsert(body);
  }

  @POST
  @RolesAllowed(Roles.ADMIN)
  @Consumes("text/csv")
  @Operation(
      summary = "Bulk upsert offers (JSON array or CSV)",
      description =
          "Creates or replaces up to sourcing.offers.bulk-max (default 10,000) offers in one all-or-nothing request:"
              + " one invalid item rejects them all and nothing changes. Send a JSON array of offers, each with its id,"
              + " or text/csv with one header row: id, supplierId, material, capacity, unitPrice, currency, and optionally"
              + " country, validFrom, validTo and one origin.STAGE column per upstream stage (e.g. origin.MINING,"
              + " origin.SEPARATION). Errors name items as [i].field, i counted from 0 (for CSV, rows after the header).")
  @APIResponse(
      responseCode = "200",
      description = "Every offer was written",
      content = @Content(schema = @Schema(implementation = BulkUpsertResult.class)))
  @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
  @APIResponse(responseCode = "422", ref = "ValidationFailed")
  public BulkUpsertResult bulkCsv(
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
                          "id,supplierId,material,country,capacity,unitPrice,currency,origin.MINING,origin.SEPARATION\n"
                              + "lynas-ndpr-kalgoorlie,lynas,NDPR_OXIDE,AU,1500,84000,USD,AU,AU\n"))
          Reader body) {
    return service.bulkUpsert(OfferCsv.read(body, config.offers().bulkMax()));
  }

  @GET
  @Path("/{id}")
  @Operation(
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
  public record OfferPage(java.util.List<OfferResponse> items, String nextCursor) {}
}
