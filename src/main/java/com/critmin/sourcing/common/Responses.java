package com.critmin.sourcing.common;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** The HTTP shape of reads and writes, shared by every master-data resource. */
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
}
