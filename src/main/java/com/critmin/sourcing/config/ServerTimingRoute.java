package com.critmin.sourcing.config;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;

/**
 * Adds {@code Server-Timing: app;dur=<ms>} to every API response: the time from the request's
 * arrival to its headers, parsing and serialisation included, so a client can tell server time from
 * network time.
 */
@ApplicationScoped
public class ServerTimingRoute {
  void install(@Observes Router router) {
    router
        .route("/v1/*")
        .order(Integer.MIN_VALUE + 2)
        .handler(
            ctx -> {
              long start = System.nanoTime();
              ctx.addHeadersEndHandler(
                  ignored ->
                      ctx.response()
                          .putHeader(
                              "Server-Timing",
                              String.format(
                                  Locale.ROOT, "app;dur=%.3f", (System.nanoTime() - start) / 1e6)));
              ctx.next();
            });
  }
}
