package com.critmin.sourcing.config;

import com.critmin.sourcing.error.Problem;
import com.critmin.sourcing.optimizer.model.ConstraintKind;
import com.critmin.sourcing.optimizer.model.Status;
import com.critmin.sourcing.optimizer.model.VariedLimit;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The API's OpenAPI definition, its one source: info, tags and the problem responses every
 * operation refers to.
 */
@OpenAPIDefinition(
    info =
        @Info(
            title = "Critical-minerals sourcing optimizer",
            version = "1.0.0",
            description =
                """
                Cheapest allocation of demand across supplier offers that caps reliance on any single \
                country at every processing stage.

                ## Quick start

                1. Solve a plan on inline offers (stateless, nothing to set up first):
                   `POST /v1/allocation-plans` with
                   `{"demand": [{"material": "NDPR_OXIDE", "quantity": 1000}], "policy": {"maxCountryShare": 0.65},
                   "offers": [{"id": "cn-1", "material": "NDPR_OXIDE", "supplier": {"id": "cnre", "country": "CN"},
                   "capacity": 900, "unitPrice": 69000}, {"id": "au-1", "material": "NDPR_OXIDE",
                   "supplier": {"id": "lynas", "country": "AU"}, "capacity": 500, "unitPrice": 82500}]}`.
                   The answer is `201` with the plan and its `Location`.
                2. Or keep master data here (`PUT /v1/materials/{id}`, `/v1/suppliers/{id}`, `/v1/offers/{id}` or
                   `POST /v1/offers` in bulk, JSON or CSV) and send only the demand and a `policyId`.
                3. Long solves: send `Prefer: respond-async`, get `202` with a `PENDING` plan, poll its `Location`.
                4. Retries of `POST /v1/allocation-plans` and `POST /v1/offers` are safe with an
                   `Idempotency-Key` header: the same key and body answer the first result again, marked
                   `Idempotent-Replayed: true`. Other POSTs do not take the header.

                Every error is an RFC 9457 problem document (`application/problem+json`).""",
            contact =
                @Contact(
                    name = "Sourcing optimizer team",
                    email = "sourcing-optimizer@critmin.com"),
            license =
                @License(
                    name = "Proprietary: all rights reserved",
                    identifier = "LicenseRef-Critmin-Proprietary")),
    servers = @Server(url = "/", description = "This service"),
    security = @SecurityRequirement(name = "bearer"),
    tags = {
      @Tag(
          name = "Allocation plans",
          description = "Solve a demand into the cheapest compliant allocation"),
      @Tag(name = "Materials", description = "What is bought, in which unit"),
      @Tag(name = "Suppliers", description = "Companies and their home countries"),
      @Tag(
          name = "Offers",
          description = "Capacities, prices and countries of origin per processing stage"),
      @Tag(
          name = "Country groups",
          description = "Named sets of countries (EU, FEOC, MSP and your own)"),
      @Tag(
          name = "Sourcing policies",
          description = "Stored concentration limits and the regulation presets"),
      @Tag(
          name = "Frontiers",
          description =
              "The price of resilience: the least total cost as one limit's level tightens"),
      @Tag(
          name = "Stress tests",
          description =
              "A plan's problem re-solved under supply shocks (a country, stage or supplier"
                  + " lost or cut), ranked by impact"),
      @Tag(
          name = "Stages",
          description = "The processing stages that origins, limits and scenarios may name")
    },
    components =
        @Components(
            schemas = {
              @Schema(
                  name = "ConstraintKind",
                  description = "The kind of a policy limit that binds or is relaxed",
                  implementation = ConstraintKind.class),
              @Schema(
                  name = "SolveStatus",
                  description =
                      "The outcome of one solve within an analysis: OPTIMAL, INFEASIBLE (the limits"
                          + " or award rules cannot be met) or TIME_LIMIT",
                  implementation = Status.class),
              @Schema(
                  name = "VaryKind",
                  description = "The kind of limit a frontier varies",
                  implementation = VariedLimit.Kind.class)
            },
            responses = {
              @APIResponse(
                  name = "BadRequest",
                  description =
                      "Malformed request: unreadable JSON, a wrong type, an unknown or bad query"
                          + " parameter, or malformed percent-encoding in the path or query",
                  content =
                      @Content(
                          mediaType = "application/problem+json",
                          schema = @Schema(implementation = Problem.class),
                          examples =
                              @ExampleObject(
                                  name = "malformed",
                                  value =
                                      """
                          {"type":"https://sourcing.critmin.com/problems/malformed-request","title":"Malformed request","status":400,"detail":"capacity: cannot read 'lots' as a number","instance":"/v1/offers/lynas-ndpr","errors":[{"field":"capacity","message":"cannot read 'lots' as a number"}]}"""))),
              @APIResponse(
                  name = "NotAcceptable",
                  description = "None of the media types in Accept can be produced here",
                  content =
                      @Content(
                          mediaType = "application/problem+json",
                          schema = @Schema(implementation = Problem.class),
                          examples =
                              @ExampleObject(
                                  name = "notAcceptable",
                                  value =
                                      """
                          {"type":"https://sourcing.critmin.com/problems/not-acceptable","title":"Not acceptable","status":406,"detail":"None of the media types in Accept can be produced here","instance":"/v1/materials/NDPR_OXIDE"}"""))),
              @APIResponse(
                  name = "NotFound",
                  description = "No resource with this id",
                  content =
                      @Content(
                          mediaType = "application/problem+json",
                          schema = @Schema(implementation = Problem.class),
                          examples =
                              @ExampleObject(
                                  name = "notFound",
                                  value =
                                      """
                          {"type":"https://sourcing.critmin.com/problems/not-found","title":"Not found","status":404,"detail":"Material 'NDPR_OXIDE' does not exist","instance":"/v1/materials/NDPR_OXIDE"}"""))),
              @APIResponse(
                  name = "Conflict",
                  description = "The change would break references held by other resources",
                  content =
                      @Content(
                          mediaType = "application/problem+json",
                          schema = @Schema(implementation = Problem.class),
                          examples =
                              @ExampleObject(
                                  name = "conflict",
                                  value =
                                      """
                          {"type":"https://sourcing.critmin.com/problems/conflict","title":"Conflict","status":409,"detail":"Supplier 'lynas' is used by 3 offer(s); delete or move them first","instance":"/v1/suppliers/lynas"}"""))),
              @APIResponse(
                  name = "ReadOnly",
                  description = "A built-in resource that cannot be changed",
                  content =
                      @Content(
                          mediaType = "application/problem+json",
                          schema = @Schema(implementation = Problem.class),
                          examples =
                              @ExampleObject(
                                  name = "readOnly",
                                  value =
                                      """
                          {"type":"https://sourcing.critmin.com/problems/read-only","title":"Read-only resource","status":405,"detail":"Country group 'EU' is built in and read-only","instance":"/v1/country-groups/EU"}"""))),
              @APIResponse(
                  name = "PreconditionFailed",
                  description = "If-Match does not match the current ETag",
                  content =
                      @Content(
                          mediaType = "application/problem+json",
                          schema = @Schema(implementation = Problem.class),
                          examples =
                              @ExampleObject(
                                  name = "stale",
                                  value =
                                      """
                          {"type":"https://sourcing.critmin.com/problems/precondition-failed","title":"Precondition failed","status":412,"detail":"If-Match does not match the current ETag \\"2-mbx1\\"; read it again","instance":"/v1/materials/NDPR_OXIDE"}"""))),
              @APIResponse(
                  name = "PayloadTooLarge",
                  description = "The body is larger than the configured limit",
                  content =
                      @Content(
                          mediaType = "application/problem+json",
                          schema = @Schema(implementation = Problem.class),
                          examples =
                              @ExampleObject(
                                  name = "tooLarge",
                                  value =
                                      """
                          {"type":"https://sourcing.critmin.com/problems/payload-too-large","title":"Payload too large","status":413,"detail":"The body has 70000000 bytes; the limit is 67108864 (quarkus.http.limits.max-body-size)","instance":"/v1/allocation-plans"}"""))),
              @APIResponse(
                  name = "UnsupportedMediaType",
                  description = "The body's content type is not accepted",
                  content =
                      @Content(
                          mediaType = "application/problem+json",
                          schema = @Schema(implementation = Problem.class),
                          examples =
                              @ExampleObject(
                                  name = "unsupported",
                                  value =
                                      """
                          {"type":"https://sourcing.critmin.com/problems/unsupported-media-type","title":"Unsupported media type","status":415,"detail":"This content type is not accepted here; send application/json","instance":"/v1/allocation-plans"}"""))),
              @APIResponse(
                  name = "ValidationFailed",
                  description = "A field is out of range, or names something that does not exist",
                  content =
                      @Content(
                          mediaType = "application/problem+json",
                          schema = @Schema(implementation = Problem.class),
                          examples =
                              @ExampleObject(
                                  name = "validation",
                                  value =
                                      """
                          {"type":"https://sourcing.critmin.com/problems/validation","title":"Invalid request","status":422,"detail":"2 fields are invalid","instance":"/v1/offers/lynas-ndpr","errors":[{"field":"capacity","message":"must be greater than or equal to 0"},{"field":"country","message":"must be an ISO 3166-1 alpha-2 country code such as AU or CN"}]}"""))),
              @APIResponse(
                  name = "ServiceUnavailable",
                  description =
                      "Not now: the database is unavailable or cannot commit, concurrent writes held the rows"
                          + " this request needs past the lock timeout (nothing of it was written), or the"
                          + " service is too busy. Retry after the Retry-After seconds.",
                  headers =
                      @Header(
                          name = "Retry-After",
                          description = "Seconds to wait before retrying",
                          schema = @Schema(type = SchemaType.INTEGER)),
                  content =
                      @Content(
                          mediaType = "application/problem+json",
                          schema = @Schema(implementation = Problem.class),
                          examples =
                              @ExampleObject(
                                  name = "unavailable",
                                  value =
                                      """
                          {"type":"https://sourcing.critmin.com/problems/service-unavailable","title":"Service unavailable","status":503,"detail":"The database is unavailable or cannot commit; the request did not complete. Retry it after the Retry-After seconds.","instance":"/v1/suppliers/lynas"}"""))),
              @APIResponse(
                  name = "Unauthorized",
                  description =
                      "No bearer token, or one that is malformed, forged, expired, not yet valid, or of"
                          + " another issuer or audience",
                  headers =
                      @Header(
                          name = "WWW-Authenticate",
                          description = "The bearer challenge (RFC 6750)",
                          schema = @Schema(type = SchemaType.STRING)),
                  content =
                      @Content(
                          mediaType = "application/problem+json",
                          schema = @Schema(implementation = Problem.class))),
              @APIResponse(
                  name = "Forbidden",
                  description =
                      "The token lacks the role: sourcing-admin writes master data, sourcing-planner"
                          + " creates and reads plans; both read master data",
                  headers =
                      @Header(
                          name = "WWW-Authenticate",
                          description = "The bearer challenge (RFC 6750)",
                          schema = @Schema(type = SchemaType.STRING)),
                  content =
                      @Content(
                          mediaType = "application/problem+json",
                          schema = @Schema(implementation = Problem.class))),
              @APIResponse(
                  name = "InternalError",
                  description = "An internal error; the detail never carries internals",
                  content =
                      @Content(
                          mediaType = "application/problem+json",
                          schema = @Schema(implementation = Problem.class),
                          examples =
                              @ExampleObject(
                                  name = "internal",
                                  value =
                                      """
                          {"type":"https://sourcing.critmin.com/problems/internal","title":"Internal error","status":500,"detail":"The service could not complete the request","instance":"/v1/allocation-plans"}""")))
            }))
@SecurityScheme(
    securitySchemeName = "bearer",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT",
    description =
        "A JWT of your OIDC provider with the role in its groups claim (sourcing-admin or"
            + " sourcing-planner); not needed when the service runs open (the embedded default)")
public class ApiApplication extends Application {}
