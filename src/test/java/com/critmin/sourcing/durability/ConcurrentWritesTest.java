package com.critmin.sourcing.durability;

import static com.critmin.sourcing.testsupport.Api.assertProblem;
import static com.critmin.sourcing.testsupport.Api.json;
import static com.critmin.sourcing.testsupport.Api.request;
import static com.critmin.sourcing.testsupport.Api.uniqueId;
import static com.critmin.sourcing.testsupport.Fixtures.aSupplier;
import static com.critmin.sourcing.testsupport.Fixtures.anOfferItem;
import static com.critmin.sourcing.testsupport.Fixtures.givenMaterial;
import static com.critmin.sourcing.testsupport.Fixtures.givenSupplier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.critmin.sourcing.testsupport.Concurrently;
import com.critmin.sourcing.testsupport.Concurrently.Timed;
import com.critmin.sourcing.testsupport.JsonBody;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Concurrent writers take turns instead of failing: creates of one id, create-only PUTs, and
 * parallel bulk syncs with overlapping ids (issue 7).
 */
@QuarkusTest
class ConcurrentWritesTest {
  private static final String SUPPLIERS = "/v1/suppliers/";
  private static final int CLIENTS = 32;
  private static final int BATCHES = 16;
  private static final int BATCH_SIZE = 100;
  private static final int POOL = 300;
  private static final Set<Integer> INVALID = Set.of(3, 8, 13);

  /**
   * The bound stated for any one bulk answer: the default lock timeout (15 s) plus 10 s for the
   * batch's own work. Each batch waits at most for the others' work.
   */
  private static final long BULK_BOUND_MILLIS = 25_000;

  @Test
  void concurrentPutsOfOneNewIdCreateItOnceAndReplaceItAfterwards() {
    String id = uniqueId("race");
    List<Timed<Response>> answers =
        Concurrently.atOnce(
            CLIENTS, i -> json(aSupplier().with("name", "client " + i)).put(SUPPLIERS + id));

    Map<Integer, Long> statuses = countStatuses(answers);
    assertThat(statuses).containsOnlyKeys(200, 201).containsEntry(201, 1L).containsEntry(200, 31L);
    // Every write landed, one after the other: the version went up 31 times after the create.
    String etag = request().get(SUPPLIERS + id).then().statusCode(200).extract().header("ETag");
    assertThat(etag).startsWith("\"31-");
  }

  @Test
  void ifNoneMatchStarLetsOneOfManyRacingClientsCreateAndTellsTheOthers412() {
    String id = uniqueId("create-only");
    List<Timed<Response>> answers =
        Concurrently.atOnce(
            CLIENTS,
            i ->
                json(aSupplier().with("name", "client " + i))
                    .header("If-None-Match", "*")
                    .put(SUPPLIERS + id));

    assertThat(countStatuses(answers)).containsOnly(Map.entry(201, 1L), Map.entry(412, 31L));
    int creator = -1;
    for (int i = 0; i < answers.size(); i++) {
      Response answer = answers.get(i).result();
      if (answer.statusCode() == 201) {
        creator = i;
      } else {
        assertProblem(answer.then(), 412, "precondition-failed");
      }
    }
    request()
        .get(SUPPLIERS + id)
        .then()
        .statusCode(200)
        .body("name", equalTo("client " + creator))
        .header("ETag", org.hamcrest.Matchers.startsWith("\"0-"));
  }

  @Test
  void ifNoneMatchRefusesToReplaceAnExistingResourceAndChangesNothing() {
    String id = uniqueId("exists");
    json(aSupplier()).header("If-None-Match", "*").put(SUPPLIERS + id).then().statusCode(201);
    String etag = request().get(SUPPLIERS + id).then().extract().header("ETag");

    assertProblem(
        json(aSupplier().with("name", "Replaced"))
            .header("If-None-Match", "*")
            .put(SUPPLIERS + id)
            .then(),
        412,
        "precondition-failed");
    assertProblem(
        json(aSupplier().with("name", "Replaced"))
            .header("If-None-Match", etag)
            .put(SUPPLIERS + id)
            .then(),
        412,
        "precondition-failed");
    request().get(SUPPLIERS + id).then().body("name", equalTo("Lynas Rare Earths"));

    // A tag that is not the current one does not stop the write.
    json(aSupplier().with("name", "Replaced"))
        .header("If-None-Match", "\"999-x\"")
        .put(SUPPLIERS + id)
        .then()
        .statusCode(200)
        .body("name", equalTo("Replaced"));
  }

  @Test
  void parallelOverlappingBulkSyncsAllSucceedWholeAndSerializable() {
    String supplier = givenSupplier("AU");
    String material = givenMaterial();
    String prefix = uniqueId("pool");
    List<String> pool = new ArrayList<>();
    for (int k = 0; k < POOL; k++) {
      pool.add(prefix + "-" + k);
    }
    Random random = new Random(7);
    List<List<String>> batches = new ArrayList<>();
    for (int b = 0; b < BATCHES; b++) {
      List<String> ids = new ArrayList<>(pool);
      Collections.shuffle(ids, random);
      batches.add(List.copyOf(ids.subList(0, BATCH_SIZE)));
    }

    List<Timed<Response>> answers =
        Concurrently.atOnce(
            BATCHES, b -> send(b, batches.get(b), supplier, material, INVALID.contains(b)));

    for (int b = 0; b < BATCHES; b++) {
      Response answer = answers.get(b).result();
      if (INVALID.contains(b)) {
        assertProblem(answer.then(), 422, "validation");
      } else {
        assertThat(answer.statusCode()).as("batch %d: %s", b, answer.asString()).isEqualTo(200);
        assertThat(answer.jsonPath().getInt("received")).isEqualTo(BATCH_SIZE);
      }
      assertThat(answers.get(b).millis())
          .as("answer time of batch %d", b)
          .isLessThan(BULK_BOUND_MILLIS);
    }

    // Each stored offer's price names the batch that wrote it last.
    Map<String, Integer> writer = new HashMap<>();
    List<Map<String, Object>> stored =
        request()
            .queryParam("supplier", supplier)
            .queryParam("limit", 1000)
            .get("/v1/offers")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("items");
    for (Map<String, Object> offer : stored) {
      writer.put(
          (String) offer.get("id"), batchOf(((Number) offer.get("unitPrice")).doubleValue()));
    }
    Set<String> written = new HashSet<>();
    for (int b = 0; b < BATCHES; b++) {
      if (!INVALID.contains(b)) {
        written.addAll(batches.get(b));
      }
    }
    assertThat(writer.keySet()).as("exactly the offers of accepted batches").isEqualTo(written);
    for (Map.Entry<String, Integer> entry : writer.entrySet()) {
      int b = entry.getValue();
      assertThat(INVALID).as("a rejected batch wrote %s", entry.getKey()).doesNotContain(b);
      assertThat(batches.get(b))
          .as("batch %d never sent %s", b, entry.getKey())
          .contains(entry.getKey());
    }
    assertSerializable(batches, writer);
  }

  private static Response send(
      int b, List<String> ids, String supplier, String material, boolean invalid) {
    double price = 100.0 + b;
    if (b % 2 == 1) {
      StringBuilder csv =
          new StringBuilder(
              "id,supplierId,material,country,capacity,unitPrice,currency,origin.MINING\n");
      for (int i = 0; i < ids.size(); i++) {
        String supplierId = invalid && i == ids.size() - 1 ? "no-such-supplier" : supplier;
        csv.append(ids.get(i))
            .append(',')
            .append(supplierId)
            .append(',')
            .append(material)
            .append(",MY,500,")
            .append(price)
            .append(",USD,AU\n");
      }
      return request().contentType("text/csv").body(csv.toString()).post("/v1/offers");
    }
    List<Map<String, Object>> items = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      JsonBody item = anOfferItem(ids.get(i), supplier, material).with("unitPrice", price);
      if (invalid && i == ids.size() - 1) {
        item = item.with("capacity", -1.0);
      }
      items.add(item.json());
    }
    return json(items).post("/v1/offers");
  }

  private static int batchOf(double price) {
    return (int) Math.round(price - 100.0);
  }

  /**
   * The accepted batches ran one after another: the batch that wrote an offer last came after every
   * other accepted batch that also wrote it, and these "came after" facts have no cycle.
   */
  private static void assertSerializable(List<List<String>> batches, Map<String, Integer> writer) {
    Map<Integer, Set<Integer>> before = new HashMap<>();
    writer.forEach(
        (id, last) -> {
          for (int b = 0; b < batches.size(); b++) {
            if (b != last && !INVALID.contains(b) && batches.get(b).contains(id)) {
              before.computeIfAbsent(b, k -> new HashSet<>()).add(last);
            }
          }
        });
    Map<Integer, Integer> state = new HashMap<>();
    for (Integer start : before.keySet()) {
      assertThat(hasCycle(start, before, state))
          .as("the accepted batches interleaved instead of running one after another")
          .isFalse();
    }
  }

  private static boolean hasCycle(
      int node, Map<Integer, Set<Integer>> edges, Map<Integer, Integer> state) {
    Integer seen = state.get(node);
    if (seen != null) {
      return seen == 1;
    }
    state.put(node, 1);
    for (int next : edges.getOrDefault(node, Set.of())) {
      if (hasCycle(next, edges, state)) {
        return true;
      }
    }
    state.put(node, 2);
    return false;
  }

  private static Map<Integer, Long> countStatuses(List<Timed<Response>> answers) {
    return answers.stream()
        .collect(Collectors.groupingBy(a -> a.result().statusCode(), Collectors.counting()));
  }
}
