package com.critmin.sourcing.idempotency;

import com.critmin.sourcing.config.SourcingConfig;
import com.critmin.sourcing.error.ApiException;
import com.critmin.sourcing.error.DatabaseFailures;
import com.critmin.sourcing.error.Problem;
import com.critmin.sourcing.error.ProblemType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.SecurityContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Safe retries of POST requests that carry an {@code Idempotency-Key} (IETF
 * draft-ietf-httpapi-idempotency-key-header): the first request with a key claims it in the
 * database, runs, and records its answer; a later one with the same key and the same request,
 * within {@code sourcing.idempotency.retention}, gets that answer without running again, on any
 * replica. The same key with another request is 422. Two requests with one key at once: the
 * database's primary key lets one claim it, the other waits for its answer.
 */
@ApplicationScoped
public class IdempotencyKeys {
  private static final Logger LOG = Logger.getLogger(IdempotencyKeys.class);
  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
  static final String KEY_RULE = "must be 1 to 255 visible ASCII characters";

  /**
   * The key of a header value: the draft defines it as a Structured Field string ({@code "abc"}),
   * many clients send it bare ({@code abc}); both are the key abc.
   */
  static String unquoted(String value) {
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      return value.substring(1, value.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
    }
    return value;
  }

  /** Whether a header value is a key this service takes. */
  static boolean wellFormed(String value) {
    return KEY.matcher(unquoted(value)).matches();
  }

  private static final long POLL_MILLIS = 20;

  /** An answer to remember: a created resource (read again on replay) or a body as it was sent. */
  public record Answer(int status, String body, String location, String resourceId) {}

  /** The answer to give and whether it is the first request's, given again. */
  public record Outcome(Answer answer, boolean replayed) {}

  private final EntityManager entityManager;
  private final Duration retention;
  private final Duration wait;
  private final Duration staleAfter;
  private final ObjectMapper canonical;
  private final AtomicLong nextPurge = new AtomicLong();

  public IdempotencyKeys(EntityManager entityManager, SourcingConfig config, ObjectMapper json) {
    this.entityManager = entityManager;
    this.retention = config.idempotency().retention();
    // A second request waits as long as the first may take: one solve and its store.
    this.wait = config.solver().timeLimit().plus(config.database().lockTimeout());
    // A key still unanswered long after that belongs to a request whose replica stopped.
    this.staleAfter = wait.plus(Duration.ofMinutes(5));
    // The service's own mapper (its modules and inclusion) with map entries in key order: records
    // keep their member order, so equal requests write equal bytes.
    this.canonical = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
  }

  /**
   * Whose keys these are: the authenticated caller (the token's subject), else one anonymous scope
   * that every unauthenticated caller shares.
   */
  public static String scope(SecurityContext security) {
    Principal caller = security == null ? null : security.getUserPrincipal();
    String name = caller == null ? null : caller.getName();
    if (name == null || name.isEmpty()) {
      return "anonymous";
    }
    return name.length() <= 200 ? "user:" + name : "user-sha256:" + hex(name);
  }

  /**
   * The digest of a parsed request body, independent of member order and whitespace, with the
   * variant (such as the response mode) that changes what the request asks for.
   */
  public String digest(Object body, String variant) {
    try {
      return digest(canonical.writeValueAsBytes(body), variant);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A request body could not be written as JSON", e);
    }
  }

  /** The digest of a request body as sent (such as CSV text). */
  public String digest(byte[] body, String variant) {
    MessageDigest sha = sha256();
    sha.update(body);
    sha.update((byte) 0);
    sha.update(variant.getBytes(StandardCharsets.UTF_8));
    return "sha256:" + HexFormat.of().formatHex(sha.digest());
  }

  /**
   * Runs {@code work} once per key: the first answer, given again to a retry; 422 when the key was
   * used for another request; 409 with Retry-After when the first request is still running after
   * the longest wait.
   */
  public Outcome once(
      String scope, String operation, String given, String requestDigest, Supplier<Answer> work) {
    String key = unquoted(given);
    if (!KEY.matcher(key).matches()) {
      throw new ApiException(
          ProblemType.MALFORMED_REQUEST,
          "Idempotency-Key: " + KEY_RULE,
          List.of(new Problem.FieldError("Idempotency-Key", KEY_RULE)),
          Map.of());
    }
    String id = id(scope, operation, key);
    purgeIfDue();
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      IdempotencyRecord existing = claim(id, scope, operation, key, requestDigest);
      if (existing == null) {
        break;
      }
      if (!existing.requestDigest.equals(requestDigest)) {
        throw new ApiException(
            ProblemType.VALIDATION,
            "Idempotency-Key: this key was used for a different request at "
                + existing.createdAt
                + "; use a new key for a new request",
            List.of(
                new Problem.FieldError(
                    "Idempotency-Key", "was used for a different request; use a new key")),
            Map.of());
      }
      if (existing.responseStatus != null) {
        return new Outcome(
            new Answer(
                existing.responseStatus,
                existing.responseBody,
                existing.location,
                existing.resourceId),
            true);
      }
      if (System.nanoTime() > deadline) {
        throw new ApiException(
            ProblemType.CONFLICT,
            "A request with this Idempotency-Key is still running; retry after the Retry-After"
                + " seconds to get its answer",
            null,
            Map.of("Retry-After", "1"));
      }
      sleep(POLL_MILLIS);
    }
    Answer answer;
    try {
      answer = work.get();
    } catch (RuntimeException | Error e) {
      release(id);
      throw e;
    }
    record(id, answer);
    return new Outcome(answer, false);
  }

  /** Deletes keys older than the retention; the number deleted. */
  public int purgeExpired() {
    Instant before = Instant.now().minus(retention);
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                entityManager
                    .createQuery("delete from IdempotencyRecord r where r.createdAt < :before")
                    .setParameter("before", before)
                    .executeUpdate());
  }

  private void purgeIfDue() {
    long now = System.nanoTime();
    long due = nextPurge.get();
    long every = Math.min(retention.toNanos() / 24, Duration.ofMinutes(10).toNanos());
    if ((due == 0 || now - due >= 0) && nextPurge.compareAndSet(due, now + every)) {
      try {
        int purged = purgeExpired();
        LOG.debugf("Purged %d expired idempotency keys", purged);
      } catch (RuntimeException e) {
        LOG.debugf("Purging expired idempotency keys failed, will try again: %s", e);
      }
    }
  }

  /**
   * Claims the key for this request (null), or answers the record that another request holds. An
   * expired key, or one whose request was abandoned, is claimed anew.
   */
  private IdempotencyRecord claim(
      String id, String scope, String operation, String key, String requestDigest) {
    for (int attempt = 1; ; attempt++) {
      try {
        return QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                  IdempotencyRecord row = entityManager.find(IdempotencyRecord.class, id);
                  if (row != null) {
                    boolean expired = row.createdAt.isBefore(now.minus(retention));
                    boolean abandoned =
                        row.responseStatus == null && row.createdAt.isBefore(now.minus(staleAfter));
                    if (!expired && !abandoned) {
                      entityManager.detach(row);
                      return row;
                    }
                    entityManager.remove(row);
                    entityManager.flush();
                  }
                  IdempotencyRecord claimed = new IdempotencyRecord();
                  claimed.id = id;
                  claimed.scope = scope;
                  claimed.operation = operation;
                  claimed.key = key;
                  claimed.requestDigest = requestDigest;
                  claimed.createdAt = now;
                  entityManager.persist(claimed);
                  entityManager.flush();
                  return null;
                });
      } catch (RuntimeException e) {
        // Another request inserted the key first (committed or not yet): read it again.
        if (DatabaseFailures.classify(e) != DatabaseFailures.Kind.LOST_RACE || attempt >= 500) {
          throw e;
        }
        sleep(POLL_MILLIS);
      }
    }
  }

  private void record(String id, Answer answer) {
    try {
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                IdempotencyRecord row = entityManager.find(IdempotencyRecord.class, id);
                if (row != null) {
                  row.responseStatus = answer.status();
                  row.responseBody = answer.resourceId() == null ? answer.body() : null;
                  row.location = answer.location();
                  row.resourceId = answer.resourceId();
                }
              });
    } catch (RuntimeException e) {
      // The work is done and answered; a retry waits, then finds the key abandoned and runs again.
      LOG.warnf("The answer to idempotency key %s could not be recorded: %s", id, e);
    }
  }

  private void release(String id) {
    try {
      QuarkusTransaction.requiringNew()
          .run(
              () ->
                  entityManager
                      .createQuery(
                          "delete from IdempotencyRecord r where r.id = :id"
                              + " and r.responseStatus is null")
                      .setParameter("id", id)
                      .executeUpdate());
    } catch (RuntimeException e) {
      LOG.warnf("Idempotency key %s could not be released: %s", id, e);
    }
  }

  private static String id(String scope, String operation, String key) {
    MessageDigest sha = sha256();
    for (String part : new String[] {scope, operation, key}) {
      sha.update(part.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static String hex(String text) {
    return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApiException.unavailable("The request was interrupted; retry it", 1);
    }
  }
}
