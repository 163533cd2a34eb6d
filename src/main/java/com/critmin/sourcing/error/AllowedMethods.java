package com.critmin.sourcing.error;

import io.quarkus.arc.Arc;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The methods that the resources declare for a path, for the Allow header that RFC 9110 requires on
 * a 405: Quarkus REST raises its 405 without one.
 */
final class AllowedMethods {
  private record Route(Pattern path, String method) {}

  private static volatile List<Route> routes;

  private AllowedMethods() {}

  /** The Allow header value for a request path, or null when no resource declares it. */
  static String of(String path) {
    Set<String> methods = new TreeSet<>();
    String normalized =
        path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    for (Route route : routes()) {
      if (route.path().matcher(normalized).matches()) {
        methods.add(route.method());
      }
    }
    if (methods.isEmpty()) {
      return null;
    }
    if (methods.contains("GET")) {
      methods.add("HEAD");
    }
    methods.add("OPTIONS");
    return String.join(", ", methods);
  }

  private static List<Route> routes() {
    List<Route> known = routes;
    if (known == null) {
      known = new ArrayList<>();
      for (Bean<?> bean :
          Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
        Path classPath = bean.getBeanClass().getAnnotation(Path.class);
        if (classPath == null) {
          continue;
        }
        for (Method method : bean.getBeanClass().getMethods()) {
          String httpMethod = httpMethod(method);
          if (httpMethod != null) {
            Path methodPath = method.getAnnotation(Path.class);
            known.add(
                new Route(
                    template(classPath.value(), methodPath == null ? "" : methodPath.value()),
                    httpMethod));
          }
        }
      }
      routes = known;
    }
    return known;
  }

  private static String httpMethod(Method method) {
    for (Annotation annotation : method.getAnnotations()) {
      HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
      if (http != null) {
        return http.value();
      }
    }
    return null;
  }

  /** A path template such as /v1/materials/{id} as a pattern; a parameter matches one segment. */
  private static Pattern template(String classPath, String methodPath) {
    String joined = ("/" + classPath + "/" + methodPath).replaceAll("/+", "/");
    if (joined.length() > 1 && joined.endsWith("/")) {
      joined = joined.substring(0, joined.length() - 1);
    }
    StringBuilder regex = new StringBuilder();
    for (String part : joined.split("(?=\\{)|(?<=\\})")) {
      regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
    }
    return Pattern.compile(regex.toString());
  }
}
