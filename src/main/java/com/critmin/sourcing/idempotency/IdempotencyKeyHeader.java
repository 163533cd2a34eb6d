package com.critmin.sourcing.idempotency;

import com.critmin.sourcing.error.ApiException;
import com.critmin.sourcing.error.Problem;
import com.critmin.sourcing.error.ProblemType;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * An {@code Idempotency-Key} that is there but empty, malformed or sent twice is a 400 on the
 * operations that honour the header, before the body is read: read as no key, a retry would make a
 * second plan; read as its first value, two keys would silently become one.
 */
public class IdempotencyKeyHeader {
  static final String NAME = "Idempotency-Key";
  private static final Map<Method, Boolean> HONOURED = new ConcurrentHashMap<>();

  @ServerRequestFilter
  public void check(ContainerRequestContext request, ResourceInfo resource) {
    List<String> values = request.getHeaders().get(NAME);
    Method method = resource == null ? null : resource.getResourceMethod();
    if (values == null
        || values.isEmpty()
        || method == null
        || !HONOURED.computeIfAbsent(method, IdempotencyKeyHeader::takesKey)) {
      return;
    }
    String problem = null;
    if (values.size() > 1) {
      problem = "sent " + values.size() + " times; send one key";
    } else if (values.get(0) == null
        || values.get(0).isBlank()
        || IdempotencyKeys.unquoted(values.get(0)).isEmpty()) {
      problem = "is empty; " + IdempotencyKeys.KEY_RULE;
    } else if (!IdempotencyKeys.wellFormed(values.get(0))) {
      problem = IdempotencyKeys.KEY_RULE;
    }
    if (problem != null) {
      throw new ApiException(
          ProblemType.MALFORMED_REQUEST,
          NAME + ": " + problem,
          List.of(new Problem.FieldError(NAME, problem)),
          Map.of());
    }
  }

  private static boolean takesKey(Method method) {
    for (Annotation[] annotations : method.getParameterAnnotations()) {
      for (Annotation annotation : annotations) {
        if (annotation instanceof HeaderParam header && header.value().equals(NAME)) {
          return true;
        }
      }
    }
    return false;
  }
}
