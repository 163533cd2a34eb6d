package com.critmin.sourcing.error;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure into an RFC 9457 problem document; no stack trace or class name leaves. */
public class ProblemMappers {
  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
  private static final String BEARER = "Bearer realm=\"sourcing-optimizer\"";

  @Inject Instance<ReferenceCheck> referenceChecks;

  @ServerExceptionMapper
  public Response api(ApiException e, UriInfo uri) {
    Response.ResponseBuilder builder =
        ProblemResponses.builder(e.type(), e.getMessage(), e.errors(), uri);
    e.headers().forEach(builder::header);
    return builder.build();
  }

  @ServerExceptionMapper
  public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
    List<Problem.FieldError> errors = new ArrayList<>();
    boolean body = false;
    for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
      FieldPath path = FieldPath.of(violation.getPropertyPath());
      body |= path.inBody();
      errors.add(new Problem.FieldError(path.name(), violation.getMessage()));
    }
    if (body) {
      addReferenceErrors(e, errors);
    }
    errors.sort(
        Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message));
    ProblemType type = body ? ProblemType.VALIDATION : ProblemType.MALFORMED_REQUEST;
    String detail =
        errors.size() == 1
            ? errors.get(0).field() + ": " + errors.get(0).message()
            : errors.size() + " fields are invalid";
    return ProblemResponses.of(type, detail, errors, uri);
  }

  /**
   * The names the body refers to that do not exist, so that one answer lists every error of the
   * request. Best effort: a check that cannot judge a body broken this way (or a store that is
   * down) leaves the answer to the syntactic errors.
   */
  private void addReferenceErrors(ConstraintViolationException e, List<Problem.FieldError> errors) {
    Object[] arguments = null;
    for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
      if (violation.getExecutableParameters() != null) {
        arguments = violation.getExecutableParameters();
        break;
      }
    }
    if (arguments == null || referenceChecks == null) {
      return;
    }
    for (Object argument : arguments) {
      if (argument == null || argument instanceof String || argument instanceof UriInfo) {
        continue;
      }
      for (ReferenceCheck check : referenceChecks) {
        List<Problem.FieldError> found = new ArrayList<>();
        try {
          check.addErrors(argument, found);
        } catch (RuntimeException failure) {
          LOG.debugf("Reference check skipped on an invalid body: %s", failure.toString());
          continue;
        }
        for (Problem.FieldError error : found) {
          if (!errors.contains(error)) {
            errors.add(error);
          }
        }
      }
    }
  }

  @ServerExceptionMapper
  public Response json(JsonProcessingException e, UriInfo uri) {
    return jsonProblem(e, uri);
  }

  // Quarkus ships its own (body-less) mappers for these subtypes: a mapper of the exact type
  // overrides them.
  @ServerExceptionMapper
  public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
    return jsonProblem(e, uri);
  }

  @ServerExceptionMapper
  public Response jsonParse(JsonParseException e, UriInfo uri) {
    return jsonProblem(e, uri);
  }

  @ServerExceptionMapper
  public Response jsonMapping(JsonMappingException e, UriInfo uri) {
    return jsonProblem(e, uri);
  }

  static Response jsonProblem(JsonProcessingException e, UriInfo uri) {
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = jsonPath(mapping.getPath());
      String message;
      if (e instanceof UnrecognizedPropertyException) {
        message = "unknown field";
      } else if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null) {
        message =
            "cannot read "
                + describe(invalid.getValue())
                + " as "
                + typeName(invalid.getTargetType());
      } else if (mapping.getCause() instanceof IllegalArgumentException cause
          && cause.getMessage() != null) {
        message = cause.getMessage();
      } else {
        message = "has the wrong type or shape";
      }
      return ProblemResponses.of(
          ProblemType.MALFORMED_REQUEST,
          field + ": " + message,
          List.of(new Problem.FieldError(field, message)),
          uri);
    }
    String where =
        e.getLocation() == null
            ? ""
            : " at line "
                + e.getLocation().getLineNr()
                + ", column "
                + e.getLocation().getColumnNr();
    if (e instanceof MismatchedInputException
        && String.valueOf(e.getOriginalMessage()).startsWith("Trailing token")) {
      return ProblemResponses.of(
          ProblemType.MALFORMED_REQUEST,
          "The body is not valid JSON: more follows its value" + where,
          null,
          uri);
    }
    if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      // Valid JSON of the wrong shape, such as an array where an object is expected: not a syntax
      // error.
      Class<?> target = mismatch.getTargetType();
      String message =
          java.util.Collection.class.isAssignableFrom(target) || target.isArray()
              ? "must be a JSON array"
              : "must be a JSON object";
      return ProblemResponses.of(
          ProblemType.MALFORMED_REQUEST,
          "body: " + message,
          List.of(new Problem.FieldError("body", message)),
          uri);
    }
    return ProblemResponses.of(
        ProblemType.MALFORMED_REQUEST, "The body is not valid JSON" + where, null, uri);
  }

  /** No token, or one that is not valid here: 401 with the bearer challenge (RFC 6750). */
  @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
  public Response unauthorized(RuntimeException e, UriInfo uri) {
    boolean invalid = e instanceof AuthenticationFailedException;
    return ProblemResponses.builder(
            ProblemType.UNAUTHORIZED,
            invalid
                ? "The bearer token is not valid here (signature, issuer, audience or time)"
                : "A bearer token is required",
            null,
            uri)
        .header("WWW-Authenticate", invalid ? BEARER + ", error=\"invalid_token\"" : BEARER)
        .build();
  }

  /** A valid token without a role this operation needs: 403. */
  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e, UriInfo uri) {
    return ProblemResponses.builder(
            ProblemType.FORBIDDEN,
            "The token's roles do not allow this operation (sourcing-admin writes master data,"
                + " sourcing-planner creates and reads plans)",
            null,
            uri)
        .header("WWW-Authenticate", BEARER + ", error=\"insufficient_scope\"")
        .build();
  }

  @ServerExceptionMapper
  public Response notFound(NotFoundException e, UriInfo uri) {
    return ProblemResponses.of(ProblemType.NOT_FOUND, "No resource at " + uri.getPath(), null, uri);
  }

  @ServerExceptionMapper
  public Response notAllowed(NotAllowedException e, UriInfo uri) {
    Response.ResponseBuilder builder =
        ProblemResponses.builder(
            ProblemType.METHOD_NOT_ALLOWED,
            "This method is not allowed on " + uri.getPath(),
            null,
            uri);
    String allow = e.getResponse().getHeaderString("Allow");
    if (allow == null) {
      allow = AllowedMethods.of(uri.getPath());
    }
    if (allow != null) {
      builder.header("Allow", allow);
    }
    return builder.build();
  }

  @ServerExceptionMapper
  public Response unsupported(NotSupportedException e, UriInfo uri) {
    return ProblemResponses.of(
        ProblemType.UNSUPPORTED_MEDIA_TYPE,
        "This content type is not accepted here; send application/json"
            + (uri.getPath().matches(".*/v1/offers/?$") ? " or text/csv" : ""),
        null,
        uri);
  }

  @ServerExceptionMapper
  public Response notAcceptable(NotAcceptableException e, UriInfo uri) {
    return ProblemResponses.of(
        ProblemType.NOT_ACCEPTABLE,
        "None of the media types in Accept can be produced here",
        null,
        uri);
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e, UriInfo uri) {
    if (e.getCause() instanceof JsonProcessingException json) {
      return jsonProblem(json, uri);
    }
    int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
    for (ProblemType type : ProblemType.values()) {
      if (type.status() == status && type != ProblemType.READ_ONLY) {
        String detail = status == 400 ? "The request could not be read" : type.title();
        return ProblemResponses.of(type, detail, null, uri);
      }
    }
    if (status >= 500) {
      LOG.error("Request failed", e);
      return ProblemResponses.of(
          ProblemType.INTERNAL, "The service could not complete the request", null, uri);
    }
    return ProblemResponses.of(
        ProblemType.MALFORMED_REQUEST, "The request could not be processed", null, uri);
  }

  @ServerExceptionMapper
  public Response unexpected(Throwable e, UriInfo uri) {
    DatabaseFailures.Kind kind = DatabaseFailures.classify(e);
    if (kind == DatabaseFailures.Kind.UNAVAILABLE) {
      LOG.warnf("Database unavailable, answered 503: %s", rootMessage(e));
      return unavailable(
          kind,
          "The database is unavailable or cannot commit; the request did not complete. Retry it"
              + " after the Retry-After seconds.",
          uri);
    }
    if (kind == DatabaseFailures.Kind.LOCK_TIMEOUT || kind == DatabaseFailures.Kind.LOST_RACE) {
      LOG.debugf("Write contention, answered 503: %s", rootMessage(e));
      return unavailable(
          kind,
          "Concurrent writes held what this request needs for too long; nothing of it was written."
              + " Retry it.",
          uri);
    }
    Throwable cause = e;
    while (cause != null) {
      if (cause instanceof JsonProcessingException json) {
        return jsonProblem(json, uri);
      }
      if (isBrokenReference(cause)) {
        return ProblemResponses.of(
            ProblemType.CONFLICT,
            "The change would break a reference between resources: it deletes one that another"
                + " still uses, or names one that no longer exists; read them again and retry",
            null,
            uri);
      }
      if (isConcurrentWrite(cause)) {
        return ProblemResponses.of(
            ProblemType.CONFLICT,
            "A concurrent request changed or created the same resource; read it again and retry",
            null,
            uri);
      }
      if (isLockWait(cause)) {
        return unavailable(
            DatabaseFailures.Kind.LOCK_TIMEOUT,
            "Concurrent writes held what this request needs for too long; nothing of it was"
                + " written. Retry it.",
            uri);
      }
      cause = cause.getCause() == cause ? null : cause.getCause();
    }
    if (clientGone(e)) {
      // The client closed the connection while its body was being read: nobody reads this
      // answer, and it is not the service's failure.
      LOG.debugf("The client went away before its request was read: %s", e.toString());
      return ProblemResponses.of(
          ProblemType.MALFORMED_REQUEST,
          "The connection closed before the body was read",
          null,
          uri);
    }
    LOG.error("Unexpected failure", e);
    return ProblemResponses.of(
        ProblemType.INTERNAL, "The service could not complete the request", null, uri);
  }

  private static boolean clientGone(Throwable e) {
    for (Throwable cause = e;
        cause != null;
        cause = cause.getCause() == cause ? null : cause.getCause()) {
      String message = String.valueOf(cause.getMessage());
      if (cause instanceof java.nio.channels.ClosedChannelException
          || message.contains("Connection was closed")
          || message.contains("Connection reset by peer")) {
        return true;
      }
    }
    return false;
  }

  private static Response unavailable(DatabaseFailures.Kind kind, String detail, UriInfo uri) {
    return ProblemResponses.builder(ProblemType.SERVICE_UNAVAILABLE, detail, null, uri)
        .header("Retry-After", DatabaseFailures.RETRY_AFTER_SECONDS.get(kind))
        .build();
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }

  /**
   * A foreign-key violation: the services check references first, so this is a race with a
   * concurrent delete or use of the other resource.
   */
  private static boolean isBrokenReference(Throwable e) {
    if (!(e instanceof org.hibernate.exception.ConstraintViolationException violation)) {
      return false;
    }
    String state = violation.getSQLState();
    return violation.getKind()
            == org.hibernate.exception.ConstraintViolationException.ConstraintKind.FOREIGN_KEY
        // H2 and PostgreSQL: integrity constraint violation, parent missing or child exists
        || "23503".equals(state)
        || "23506".equals(state);
  }

  /** Any other integrity violation that escaped the write retries: a lost race on one id. */
  private static boolean isConcurrentWrite(Throwable e) {
    return e instanceof org.hibernate.exception.ConstraintViolationException;
  }

  /** A lock that could not be had in time, reported without a SQL state. */
  private static boolean isLockWait(Throwable e) {
    return e instanceof PessimisticLockException
        || e instanceof LockTimeoutException
        || e instanceof org.hibernate.PessimisticLockException;
  }

  private static String jsonPath(List<JsonMappingException.Reference> path) {
    StringBuilder field = new StringBuilder();
    for (JsonMappingException.Reference ref : path) {
      if (ref.getFieldName() != null) {
        if (!field.isEmpty()) {
          field.append('.');
        }
        field.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        field.append('[').append(ref.getIndex()).append(']');
      }
    }
    return field.isEmpty() ? "body" : field.toString();
  }

  private static String describe(Object value) {
    return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
  }

  private static String typeName(Class<?> type) {
    if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type.isEnum()) {
      StringBuilder values = new StringBuilder("one of ");
      Object[] constants = type.getEnumConstants();
      for (int i = 0; i < constants.length; i++) {
        values.append(i == 0 ? "" : ", ").append(constants[i]);
      }
      return values.toString();
    }
    if (type.getSimpleName().startsWith("Local")) {
      return "an ISO 8601 date";
    }
    return "the expected type";
  }

  /** The client-facing name of a constraint-violation path, and whether it points into the body. */
  record FieldPath(String name, boolean inBody) {
    static FieldPath of(Path path) {
      StringBuilder name = new StringBuilder();
      boolean inBody = false;
      boolean sawParameter = false;
      for (Path.Node node : path) {
        ElementKind kind = node.getKind();
        if (kind == ElementKind.METHOD || kind == ElementKind.RETURN_VALUE) {
          continue;
        }
        if (kind == ElementKind.PARAMETER) {
          sawParameter = true;
          // Query and path parameters are named by their own name; a body parameter is the root.
          name.setLength(0);
          name.append(node.getName());
          continue;
        }
        if (sawParameter && !inBody) {
          inBody = true;
          name.setLength(0);
        }
        if (node.getIndex() != null) {
          name.append('[').append(node.getIndex()).append(']');
        } else if (node.getKey() != null) {
          name.append('[').append(node.getKey()).append(']');
        }
        if (node.getName() != null && kind != ElementKind.CONTAINER_ELEMENT) {
          if (!name.isEmpty()) {
            name.append('.');
          }
          name.append(node.getName());
        }
      }
      return new FieldPath(name.isEmpty() ? "body" : name.toString(), inBody || !sawParameter);
    }
  }
}
