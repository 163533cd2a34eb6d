package com.critmin.sourcing.plan;

import com.critmin.sourcing.optimizer.PartObserver;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;

/**
 * Traces solves: a span per solve (child of the request's span, or of nothing for a job) and a span
 * per material part, which runs on whichever thread of the optimizer's pool takes it. No-op unless
 * tracing is on (an OTLP endpoint is configured).
 */
@ApplicationScoped
public class SolveTracing {
  private final Tracer tracer;

  public SolveTracing(Tracer tracer) {
    this.tracer = tracer;
  }

  /** Runs {@code solve} inside a "plan.solve" span; it gets the observer of its parts. */
  <T> T solve(
      String planId,
      int offers,
      int materials,
      Function<PartObserver, T> solve,
      Function<T, String> status) {
    Span span =
        tracer
            .spanBuilder("plan.solve")
            .setAttribute("sourcing.plan.id", planId)
            .setAttribute("sourcing.plan.offers", offers)
            .setAttribute("sourcing.plan.materials", materials)
            .startSpan();
    Context solveContext = Context.current().with(span);
    try (Scope ignored = span.makeCurrent()) {
      T result = solve.apply(parts(solveContext));
      span.setAttribute("sourcing.plan.status", status.apply(result));
      return result;
    } catch (RuntimeException e) {
      span.recordException(e);
      span.setStatus(StatusCode.ERROR);
      throw e;
    } finally {
      span.end();
    }
  }

  private PartObserver parts(Context parent) {
    return (material, offers) -> {
      Span part =
          tracer
              .spanBuilder("plan.solve.part")
              .setParent(parent)
              .setAttribute("sourcing.material", material)
              .setAttribute("sourcing.part.offers", offers)
              .startSpan();
      return part::end;
    };
  }
}
