package com.critmin.sourcing.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Problem documents for what the HTTP layer refuses before any resource runs: a body announced
 * larger than {@code quarkus.http.limits.max-body-size} is answered 413 before it is read; a
 * chunked body that grows past the limit, a path or query with malformed percent-encoding ({@code
 * /v1/materials/%ZZ}) and other requests the layer fails with a bare status get the problem
 * document of that status instead of an empty body.
 */
@ApplicationScoped
public class BodyLimitRoute {
  /** A '%' not followed by two hex digits. */
  private static final Pattern MALFORMED_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

  private final long maxBodyBytes;
  private final ObjectMapper json;
  private final BodyHandler chunkedBodies;

  public BodyLimitRoute(
      @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
      ObjectMapper json) {
    this.maxBodyBytes = maxBodySize.asLongValue();
    this.json = json;
    this.chunkedBodies = BodyHandler.create(false).setBodyLimit(maxBodyBytes);
  }

  void install(@Observes Router router) {
    router
        .route()
        .order(Integer.MIN_VALUE + 2)
        .handler(
            ctx -> {
              String uri = ctx.request().uri();
              String problem = malformedUri(uri);
              if (problem != null) {
                answer(ctx, ProblemType.MALFORMED_REQUEST, problem);
              } else if (ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH) == null
                  && ctx.request().getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
                // A chunked body: read it here, within the limit, so that one growing past it
                // fails this context with 413 (answered below) instead of a bodiless 413 from
                // the layer that would read it later.
                chunkedBodies.handle(ctx);
              } else {
                ctx.next();
              }
            });
    router
        .route()
        .order(Integer.MIN_VALUE)
        .failureHandler(
            ctx -> {
              int status = ctx.statusCode();
              if (ctx.response().headWritten() || ctx.response().ended()) {
                return;
              }
              if (status == 413) {
                answer(
                    ctx,
                    ProblemType.PAYLOAD_TOO_LARGE,
                    "The body is larger than the limit of "
                        + maxBodyBytes
                        + " bytes (quarkus.http.limits.max-body-size)");
              } else if (status == 400) {
                answer(ctx, ProblemType.MALFORMED_REQUEST, "The request could not be read");
              } else {
                ctx.next();
              }
            });
    router
        .route()
        .order(Integer.MIN_VALUE + 1)
        .handler(
            ctx -> {
              String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
              if (length != null && exceeds(length)) {
                Problem problem =
                    new Problem(
                        ProblemType.PAYLOAD_TOO_LARGE.uri(),
                        ProblemType.PAYLOAD_TOO_LARGE.title(),
                        413,
                        "The body has "
                            + length
                            + " bytes; the limit is "
                            + maxBodyBytes
                            + " (quarkus.http.limits.max-body-size)",
                        ctx.request().path(),
                        null,
                        RequestIds.of(ctx));
                ctx.response()
                    .setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, ProblemResponses.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(write(problem));
              } else {
                ctx.next();
              }
            });
  }

  private void answer(RoutingContext ctx, ProblemType type, String detail) {
    String uri = ctx.request().uri();
    String path = uri.indexOf('?') < 0 ? uri : uri.substring(0, uri.indexOf('?'));
    Problem problem =
        new Problem(
            type.uri(),
            type.title(),
            type.status(),
            detail,
            malformedUri(path) == null ? path : null,
            null,
            RequestIds.of(ctx));
    ctx.response()
        .setStatusCode(type.status())
        .putHeader(HttpHeaders.CONTENT_TYPE, ProblemResponses.MEDIA_TYPE)
        .putHeader(HttpHeaders.CONNECTION, "close")
        .end(write(problem));
  }

  /** Why a request target is not a valid URI, or null when it is one. */
  static String malformedUri(String uri) {
    int query = uri.indexOf('?');
    if (MALFORMED_ESCAPE.matcher(uri).find()) {
      boolean inQuery = query >= 0 && MALFORMED_ESCAPE.matcher(uri.substring(query)).find();
      return "The "
          + (inQuery ? "query" : "path")
          + " has a malformed percent-encoding: '%' must be followed by two hex digits (send"
          + " '%25' for a literal '%')";
    }
    try {
      new URI(uri);
      return null;
    } catch (URISyntaxException e) {
      return "The request target is not a valid URI: " + e.getReason();
    }
  }

  private boolean exceeds(String length) {
    try {
      return Long.parseLong(length.trim()) > maxBodyBytes;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private String write(Problem problem) {
    try {
      return json.writeValueAsString(problem);
    } catch (JsonProcessingException e) {
      return "{\"status\":413,\"title\":\"Payload too large\"}";
    }
  }
}
