package com.critmin.sourcing.error;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A query parameter that the operation does not declare is a 400 naming it: a misspelt filter
 * (?suplier=lynas) silently returning every offer is worse than an error. So is one given twice
 * (?material=A&material=B): every parameter takes one value, and answering for the first alone
 * would hand back part of what was asked for.
 */
public class UnknownQueryParameters {
  private static final Map<Method, Set<String>> DECLARED = new ConcurrentHashMap<>();

  @ServerRequestFilter
  public void check(ContainerRequestContext request, ResourceInfo resource) {
    Method method = resource == null ? null : resource.getResourceMethod();
    if (method == null) {
      return;
    }
    Map<String, List<String>> query = request.getUriInfo().getQueryParameters();
    if (query.isEmpty()) {
      return;
    }
    Set<String> declared = DECLARED.computeIfAbsent(method, UnknownQueryParameters::declared);
    List<Problem.FieldError> errors = new ArrayList<>();
    for (String name : new TreeSet<>(query.keySet())) {
      if (declared.contains(name) && query.get(name).size() > 1) {
        errors.add(
            new Problem.FieldError(
                name,
                "given "
                    + query.get(name).size()
                    + " times; it takes one value (ask once per value)"));
      } else if (!declared.contains(name)) {
        errors.add(
            new Problem.FieldError(
                name,
                "unknown query parameter"
                    + (declared.isEmpty()
                        ? "; this operation takes none"
                        : Suggestions.hint(name, declared)
                            + " (this operation takes "
                            + String.join(", ", declared)
                            + ")")));
      }
    }
    if (!errors.isEmpty()) {
      String detail =
          errors.size() == 1
              ? errors.get(0).field() + ": " + errors.get(0).message()
              : (errors.stream().allMatch(e -> !declared.contains(e.field()))
                      ? "unknown query parameters: "
                      : "query parameters not taken: ")
                  + String.join(", ", errors.stream().map(Problem.FieldError::field).toList());
      throw new ApiException(ProblemType.MALFORMED_REQUEST, detail, errors, Map.of());
    }
  }

  private static Set<String> declared(Method method) {
    Set<String> names = new TreeSet<>();
    for (Annotation[] annotations : method.getParameterAnnotations()) {
      for (Annotation annotation : annotations) {
        if (annotation instanceof QueryParam query) {
          names.add(query.value());
        }
      }
    }
    return names;
  }
}
