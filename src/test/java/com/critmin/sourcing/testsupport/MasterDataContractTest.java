package com.critmin.sourcing.testsupport;

import static com.critmin.sourcing.testsupport.Api.assertProblem;
import static com.critmin.sourcing.testsupport.Api.json;
import static com.critmin.sourcing.testsupport.Api.request;
import static com.critmin.sourcing.testsupport.Api.uniqueId;
import static com.critmin.sourcing.testsupport.Fixtures.etagOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every master-data resource promises (SPEC section 4): client-chosen ids written by
 * idempotent PUTs, ETags and If-Match, 404 and 412 in the right order, invalid ids and bodies
 * refused without a change, concurrent writes of one id that take turns, and lists that page
 * through everything once. Each resource's test class extends it with its collection and bodies;
 * its *IT subclass reruns it all against the packaged jar.
 */
public abstract class MasterDataContractTest {

  /** The collection path with a trailing slash, e.g. {@code /v1/materials/}. */
  protected abstract String collection();

  /**
   * A valid body for a new resource; may store what it refers to first. {@code variant} makes
   * bodies that differ from each other (0 is the default).
   */
  protected abstract JsonBody aBody(int variant);

  /** A body with a field that breaks a rule, and that field's name. */
  protected abstract InvalidBody anInvalidBody();

  /** An invalid body and the field its problem document must name. */
  public record InvalidBody(JsonBody body, String field) {}

  /** A fresh id in this resource's id syntax, starting with {@code prefix}. */
  protected String newId(String prefix) {
    return uniqueId(prefix);
  }

  private String path(String id) {
    return collection() + id;
  }

  /** Stores a new resource and returns its id. */
  protected String given() {
    String id = newId("md");
    json(aBody(0)).put(path(id)).then().statusCode(201);
    return id;
  }

  /** The resource as JSON text, to compare before and after a refused request. */
  private String current(String id) {
    return request().get(path(id)).then().statusCode(200).extract().asString();
  }

  @Test
  void putCreatesWith201ThenReplacesWith200AndGetAnswersWhatWasStored() {
    String id = newId("md");

    String created =
        json(aBody(0))
            .put(path(id))
            .then()
            .statusCode(201)
            .header("Location", endsWith(path(id)))
            .header("ETag", notNullValue())
            .body("id", equalTo(id))
            .extract()
            .header("ETag");
    String replaced =
        json(aBody(1))
            .put(path(id))
            .then()
            .statusCode(200)
            .header("ETag", notNullValue())
            .body("id", equalTo(id))
            .extract()
            .header("ETag");

    assertThat(replaced).isNotEqualTo(created);
    request()
        .get(path(id))
        .then()
        .statusCode(200)
        .header("ETag", equalTo(replaced))
        .body("id", equalTo(id))
        .body("createdAt", notNullValue())
        .body("updatedAt", notNullValue());
  }

  @Test
  void repeatingAPutIsIdempotent() {
    String id = newId("md");
    JsonBody body = aBody(0);
    json(body).put(path(id)).then().statusCode(201);
    Map<String, Object> first = withoutUpdatedAt(current(id));

    json(body).put(path(id)).then().statusCode(200);

    assertThat(withoutUpdatedAt(current(id))).isEqualTo(first);
  }

  private static Map<String, Object> withoutUpdatedAt(String json) {
    Map<String, Object> members = new HashMap<>(JsonPath.from(json).getMap(""));
    members.remove("updatedAt");
    return members;
  }

  @Test
  void deleteAnswers204ThenTheResourceIsGone() {
    String id = given();

    request().delete(path(id)).then().statusCode(204);

    assertProblem(request().get(path(id)).then(), 404, "not-found");
    assertProblem(request().delete(path(id)).then(), 404, "not-found");
  }

  @Test
  void anUnknownIdIs404() {
    assertProblem(request().get(path(newId("missing"))).then(), 404, "not-found");
  }

  @Test
  void staleIfMatchIs412AndChangesNothing() {
    String id = given();
    String first = etagOf(path(id));
    json(aBody(1)).header("If-Match", first).put(path(id)).then().statusCode(200);
    String stored = current(id);

    assertProblem(
        json(aBody(2)).header("If-Match", first).put(path(id)).then(), 412, "precondition-failed");
    assertProblem(
        request().header("If-Match", first).delete(path(id)).then(), 412, "precondition-failed");

    assertThat(current(id)).isEqualTo(stored);
  }

  @Test
  void matchingIfMatchReplacesAndDeletes() {
    String id = given();

    String next =
        json(aBody(1))
            .header("If-Match", etagOf(path(id)))
            .put(path(id))
            .then()
            .statusCode(200)
            .extract()
            .header("ETag");
    request().header("If-Match", next).delete(path(id)).then().statusCode(204);

    assertProblem(request().get(path(id)).then(), 404, "not-found");
  }

  @Test
  void ifMatchStarReplacesAnExistingResource() {
    String id = given();

    json(aBody(1)).header("If-Match", "*").put(path(id)).then().statusCode(200);
    request().header("If-Match", "*").delete(path(id)).then().statusCode(204);
  }

  @Test
  void ifMatchOnAMissingResourceIs412AndCreatesNothing() {
    String id = newId("md");

    assertProblem(
        json(aBody(0)).header("If-Match", "*").put(path(id)).then(), 412, "precondition-failed");
    assertProblem(
        json(aBody(0)).header("If-Match", "\"1-abc\"").put(path(id)).then(),
        412,
        "precondition-failed");
    assertProblem(
        request().header("If-Match", "*").delete(path(id)).then(), 412, "precondition-failed");

    assertProblem(request().get(path(id)).then(), 404, "not-found");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm",
        "ndpr!oxide",
        "ndpr oxide",
        "ndpr%C3%BC"
      })
  void anInvalidIdInThePathIs400AndCreatesNothing(String id) {
    assertProblem(json(aBody(0)).put(collection() + id).then(), 400, "malformed-request")
        .body("errors.field", hasItem("id"));

    assertProblem(request().get(collection() + id).then(), 404, "not-found");
  }

  @Test
  void anInvalidBodyIs422NamingTheFieldAndChangesNothing() {
    String id = given();
    String stored = current(id);
    InvalidBody invalid = anInvalidBody();

    assertProblem(json(invalid.body()).put(path(id)).then(), 422, "validation")
        .body("errors.field", hasItem(invalid.field()))
        .body("errors.message", not(hasItem((Object) null)));
    String fresh = newId("md");
    assertProblem(json(invalid.body()).put(path(fresh)).then(), 422, "validation");

    assertThat(current(id)).isEqualTo(stored);
    assertProblem(request().get(path(fresh)).then(), 404, "not-found");
  }

  @Test
  void aPutAcceptsTheBodyAGetReturnedAndRefusesAnotherId() {
    String id = given();
    String read = current(id);

    request()
        .contentType("application/json")
        .body(read)
        .put(path(id))
        .then()
        .statusCode(200)
        .body("id", equalTo(id));
    String other = newId("md");
    assertProblem(
            request().contentType("application/json").body(read).put(path(other)).then(),
            422,
            "validation")
        .body("errors.field", hasItem("id"));
    request().get(path(other)).then().statusCode(404);
  }

  @Test
  void aMissingBodyIs400() {
    assertProblem(
            request().contentType("application/json").put(path(newId("md"))).then(),
            400,
            "malformed-request")
        .body("errors.field", hasItem("body"));
  }

  @Test
  void concurrentPutsOfOneIdTakeTurnsInsteadOfFailing() throws Exception {
    String id = given();
    List<JsonBody> bodies = new ArrayList<>();
    for (int i = 0; i < 12; i++) bodies.add(aBody(i % 3));

    List<Integer> replaces =
        concurrently(bodies.size(), i -> json(bodies.get(i)).put(path(id)).statusCode());
    assertThat(replaces).containsOnly(200);

    String fresh = newId("race");
    List<Integer> creates =
        concurrently(bodies.size(), i -> json(bodies.get(i)).put(path(fresh)).statusCode());
    // Racing creates of a new id: one creates, the others replace or are told to retry; none fails.
    assertThat(creates).isSubsetOf(200, 201, 409).containsOnlyOnce(201);
    request().get(path(fresh)).then().statusCode(200);
  }

  @Test
  void concurrentDeletesOfOneIdDeleteItOnce() throws Exception {
    String id = given();

    List<Integer> deletes = concurrently(8, i -> request().delete(path(id)).statusCode());

    assertThat(deletes).isSubsetOf(204, 404, 409).containsOnlyOnce(204);
    assertProblem(request().get(path(id)).then(), 404, "not-found");
  }

  @Test
  void theListPagesThroughEveryResourceOnce() {
    String prefix = newId("page");
    List<String> mine = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      json(aBody(i % 3)).put(path(prefix + i)).then().statusCode(201);
      mine.add(prefix + i);
    }
    String list = collection().substring(0, collection().length() - 1);

    for (int limit : new int[] {1, 2, 1000}) {
      List<String> all = Paging.allIds(list, limit);
      assertThat(new HashSet<>(all)).as("limit %d: no duplicates", limit).hasSameSizeAs(all);
      assertThat(all).as("limit %d", limit).containsSubsequence(mine);
    }
  }

  private static List<Integer> concurrently(int requests, IntFunction<Integer> call)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(requests);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> futures = new ArrayList<>();
      for (int i = 0; i < requests; i++) {
        int n = i;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return call.apply(n);
                }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> future : futures) {
        statuses.add(future.get(60, TimeUnit.SECONDS));
      }
      return statuses;
    } finally {
      pool.shutdownNow();
    }
  }
}
