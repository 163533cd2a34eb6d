package com.critmin.sourcing.error;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Quarkus answers OPTIONS with every method of the resource class, so /v1/materials claimed PUT and
 * DELETE; this states the methods of the path itself, the same set a 405 names.
 */
public class OptionsAllowFilter {
  @ServerResponseFilter
  public void allow(ContainerRequestContext request, ContainerResponseContext response) {
    if (!HttpMethod.OPTIONS.equals(request.getMethod()) || response.getStatus() >= 300) {
      return;
    }
    String allow = AllowedMethods.of(request.getUriInfo().getPath());
    if (allow != null) {
      response.getHeaders().putSingle("Allow", allow);
    }
  }
}
