package com.critmin.sourcing.config;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * Completes every operation the same way, so that none forgets: the problem responses any operation
 * may return (400 for an unknown query parameter or malformed percent-encoding, 401 and 403 for no
 * token or no role, 406 for an Accept it cannot satisfy, 500, and 503 when the database is away or
 * too busy), the Location header of every 201 and 202, the ETag header of single-resource reads and
 * writes, and the Idempotent-Replayed header of the answers of operations that take an
 * Idempotency-Key. Also states a nullable reference as just {@code anyOf: [$ref, null]}, without
 * the {@code type: object} beside it that made schema views show {@code object | (object | null)}.
 */
public class OpenApiErrorsFilter implements OASFilter {
  /**
   * Problems any operation may answer, by status, and the shared response that states each: 400
   * (unknown query parameters, malformed percent-encoding), 406, 500, and 503 (the database away or
   * too busy). An operation that states its own keeps it.
   */
  private static final Map<String, String> EVERY_OPERATION =
      new java.util.TreeMap<>(
          Map.of(
              "400", "BadRequest",
              "406", "NotAcceptable",
              "500", "InternalError",
              "503", "ServiceUnavailable"));

  @Override
  public Operation filterOperation(Operation operation) {
    if (operation.getResponses() == null) {
      return operation;
    }
    statedRoles(operation);
    // Replaces the body-less 401 and 403 that Quarkus adds for @RolesAllowed.
    operation
        .getResponses()
        .addAPIResponse("401", OASFactory.createAPIResponse().ref("Unauthorized"))
        .addAPIResponse("403", OASFactory.createAPIResponse().ref("Forbidden"));
    EVERY_OPERATION.forEach(
        (status, shared) -> {
          if (operation.getResponses().getAPIResponse(status) == null) {
            operation
                .getResponses()
                .addAPIResponse(status, OASFactory.createAPIResponse().ref(shared));
          }
        });
    String id = operation.getOperationId() == null ? "" : operation.getOperationId();
    boolean singleResource = id.startsWith("get") || id.startsWith("upsert");
    boolean idempotent = takesHeader(operation, "Idempotency-Key");
    for (Map.Entry<String, APIResponse> entry :
        operation.getResponses().getAPIResponses().entrySet()) {
      APIResponse response = entry.getValue();
      if (response.getRef() != null) {
        continue;
      }
      if (entry.getKey().equals("201") || entry.getKey().equals("202")) {
        addHeader(response, "Location", "The URL of the resource", "uri");
      }
      if (singleResource && (entry.getKey().equals("200") || entry.getKey().equals("201"))) {
        addHeader(
            response,
            "ETag",
            "The version of the representation; send it as If-Match on a later write",
            null);
      }
      if (idempotent && entry.getKey().startsWith("2")) {
        addReplayedHeader(response);
      }
    }
    return operation;
  }

  private static boolean takesHeader(Operation operation, String name) {
    return operation.getParameters() != null
        && operation.getParameters().stream()
            .anyMatch(p -> p.getIn() == Parameter.In.HEADER && name.equalsIgnoreCase(p.getName()));
  }

  /** AllocationPlanResource and OfferResource mark the first answer sent again for a key. */
  private static void addReplayedHeader(APIResponse response) {
    if (response.getHeaders() != null && response.getHeaders().containsKey("Idempotent-Replayed")) {
      return;
    }
    Schema schema =
        OASFactory.createSchema().addType(Schema.SchemaType.STRING).addEnumeration("true");
    response.addHeader(
        "Idempotent-Replayed",
        OASFactory.createHeader()
            .description(
                "true when this is the first answer to an earlier request with the same"
                    + " Idempotency-Key, sent again (nothing was done twice); absent otherwise")
            .schema(schema));
  }

  @Override
  public Schema filterSchema(Schema schema) {
    if (schema.getAnyOf() != null && schema.getRef() == null && schema.getType() != null) {
      schema.setType(null);
    }
    return schema;
  }

  /**
   * SmallRye lists an operation's @RolesAllowed as scopes of the bearer requirement, which OpenAPI
   * allows only for OAuth2 and OpenID Connect schemes (Spectral warned 48 times). The requirement
   * becomes a plain bearer one, and the roles are said in the description, where a reader and
   * Swagger UI show them.
   */
  private static void statedRoles(Operation operation) {
    List<SecurityRequirement> security = operation.getSecurity();
    if (security == null || security.isEmpty()) {
      return;
    }
    TreeSet<String> roles = new TreeSet<>();
    for (SecurityRequirement requirement : security) {
      if (requirement.getSchemes() != null) {
        requirement.getSchemes().values().forEach(scopes -> roles.addAll(scopes));
      }
    }
    operation.setSecurity(
        List.of(OASFactory.createSecurityRequirement().addScheme("bearer", List.of())));
    if (!roles.isEmpty()) {
      String said = "Role: " + String.join(" or ", roles) + ".";
      String description = operation.getDescription();
      operation.setDescription(
          description == null || description.isBlank() ? said : description + "\n\n" + said);
    }
  }

  private static void addHeader(
      APIResponse response, String name, String description, String format) {
    if (response.getHeaders() != null && response.getHeaders().containsKey(name)) {
      return;
    }
    Schema schema = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    if (format != null) {
      schema.setFormat(format);
    }
    Header header = OASFactory.createHeader().description(description).schema(schema);
    response.addHeader(name, header);
  }
}
