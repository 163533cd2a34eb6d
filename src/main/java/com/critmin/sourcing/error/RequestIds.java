package com.critmin.sourcing.error;

import io.smallrye.common.vertx.ContextLocals;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is a sane token, a new UUID
 * otherwise. Every response carries it back, every problem document names it, and every log line
 * written for the request has it (MDC key {@code requestId}).
 */
@ApplicationScoped
public class RequestIds {
  public static final String HEADER = "X-Request-Id";
  static final String KEY = "requestId";

  /** Ids are echoed into headers and logs: printable, short, nothing to inject. */
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,128}");

  void install(@Observes Router router) {
    router
        .route()
        .order(Integer.MIN_VALUE)
        .handler(
            ctx -> {
              String given = ctx.request().getHeader(HEADER);
              String id =
                  given != null && SANE.matcher(given).matches()
                      ? given
                      : UUID.randomUUID().toString();
              ctx.put(KEY, id);
              ContextLocals.put(KEY, id);
              MDC.put(KEY, id);
              ctx.response().putHeader(HEADER, id);
              ctx.addEndHandler(ignored -> MDC.remove(KEY));
              ctx.next();
            });
  }

  /** The id of a request being routed. */
  static String of(RoutingContext ctx) {
    return ctx.get(KEY);
  }

  /** The id of the request this thread works for, or null outside a request. */
  public static String current() {
    try {
      String local = ContextLocals.<String>get(KEY).orElse(null);
      if (local != null) {
        return local;
      }
    } catch (UnsupportedOperationException | IllegalStateException e) {
      // Not on a request's context.
    }
    Object mdc = MDC.get(KEY);
    return mdc == null ? null : mdc.toString();
  }
}
