package com.critmin.sourcing.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a body announced larger than {@code quarkus.http.limits.max-body-size} with a 413 problem
 * document before reading it (the HTTP layer's own 413 has no body). A chunked body without
 * Content-Length still meets that layer's limit.
 */
@ApplicationScoped
public class BodyLimitRoute {
  private final long maxBodyBytes;
  private final ObjectMapper json;

  public BodyLimitRoute(
      @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
      ObjectMapper json) {
    this.maxBodyBytes = maxBodySize.asLongValue();
    this.json = json;
  }

  void install(@Observes Router router) {
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
