package com.critmin.sourcing.common;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;

/** The HTTP shape of reads and writes, shared by the resources. */
public final class Responses {
  private Responses() {}

  public static Response read(Versioned<?> versioned) {
    return Response.ok(versioned.body()).tag(versioned.etag()).build();
  }

  /** A PUT answers 201 with Location when it created the resource, 200 when it replaced it. */
  public static Response put(Versioned<?> versioned, UriInfo uriInfo) {
    Response.ResponseBuilder builder =
        versioned.created()
            ? Response.created(uriInfo.getAbsolutePathBuilder().build())
            : Response.ok();
    return builder.entity(versioned.body()).tag(versioned.etag()).build();
  }

  /** Whether a Prefer header asks for respond-async (RFC 7240). */
  public static boolean respondAsync(String prefer) {
    return prefer != null && prefer.toLowerCase(Locale.ROOT).contains("respond-async");
  }

  /**
   * A POST that stored a new resource {@code id} under the request's path: 201 with Location, or
   * with respond-async 202 with Location and Preference-Applied; the body is JSON.
   */
  public static Response posted(String id, boolean async, String json, UriInfo uriInfo) {
    java.net.URI location = uriInfo.getAbsolutePathBuilder().path(id).build();
    Response.ResponseBuilder response =
        async
            ? Response.accepted().location(location).header("Preference-Applied", "respond-async")
            : Response.created(location);
    return response.entity(json).type(MediaType.APPLICATION_JSON_TYPE).build();
  }
}
