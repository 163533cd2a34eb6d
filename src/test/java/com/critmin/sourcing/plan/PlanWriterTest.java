package com.critmin.sourcing.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.critmin.sourcing.error.DatabaseFailures;
import com.critmin.sourcing.testsupport.Concurrently;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Plans written at once share commits, yet each caller returns only once its own plan is stored,
 * with everything it holds, and one plan's failure fails no other.
 */
@QuarkusTest
class PlanWriterTest {
  private static final int CLIENTS = 24;

  @Inject PlanWriter writer;
  @Inject PlanStore store;

  @Test
  void concurrentPlansAreEachStoredWhole() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<Concurrently.Timed<String>> written =
        Concurrently.atOnce(
            CLIENTS,
            client -> {
              AllocationPlan plan = plan(run + "-" + client);
              writer.insert(plan);
              return plan.id;
            });

    for (var result : written) {
      AllocationPlan stored = store.find(result.result()).orElseThrow();
      assertThat(stored.status).isEqualTo(PlanStatus.OPTIMAL);
      assertThat(stored.result()).isEqualTo("{\"id\":\"" + stored.id + "\"}");
      assertThat(stored.inputGzip).containsExactly(1, 2, 3);
      assertThat(stored.inputDigest).isEqualTo("sha256:" + stored.id);
      assertThat(stored.totalCost).isEqualTo(12.5);
      assertThat(stored.completedAt).isNotNull();
      assertThat(stored.startedAt).isNull();
      assertThat(stored.materials).containsExactlyInAnyOrder("DY_OXIDE", "NDPR_OXIDE");
      assertThat(stored.policyId).isEqualTo("crma-65");
    }
  }

  @Test
  void aFailedPlanFailsAloneAndTellsWhy() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    AllocationPlan first = plan(run + "-dup");
    writer.insert(first);

    List<Concurrently.Timed<Object>> outcomes =
        Concurrently.atOnce(
            CLIENTS,
            client -> {
              // Client 0 writes a plan whose id is taken; the others' plans are fine.
              AllocationPlan plan = client == 0 ? plan(run + "-dup") : plan(run + "-" + client);
              try {
                writer.insert(plan);
                return plan.id;
              } catch (RuntimeException e) {
                return e;
              }
            });

    assertThat(outcomes.get(0).result()).isInstanceOf(PlanWriter.PlanWriteException.class);
    assertThat(DatabaseFailures.classify((Throwable) outcomes.get(0).result()))
        .isEqualTo(DatabaseFailures.Kind.LOST_RACE);
    for (var outcome : outcomes.subList(1, CLIENTS)) {
      assertThat(outcome.result()).isInstanceOf(String.class);
      assertThat(store.find((String) outcome.result())).isPresent();
    }
  }

  private static AllocationPlan plan(String suffix) {
    AllocationPlan plan = new AllocationPlan();
    plan.id = "pw-" + suffix;
    plan.status = PlanStatus.OPTIMAL;
    plan.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    plan.completedAt = plan.createdAt.plusMillis(3);
    plan.currency = "USD";
    plan.totalCost = 12.5;
    plan.engine = "GLOP";
    plan.solverVersion = "test";
    plan.inputDigest = "sha256:" + plan.id;
    plan.inputGzip = new byte[] {1, 2, 3};
    plan.result("{\"id\":\"" + plan.id + "\"}");
    plan.policyId = "crma-65";
    plan.materials.addAll(Set.of("NDPR_OXIDE", "DY_OXIDE"));
    return plan;
  }
}
