package com.critmin.sourcing.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.critmin.client.ApiClient;
import com.critmin.client.ApiException;
import com.critmin.client.ApiResponse;
import com.critmin.client.api.AllocationPlansApi;
import com.critmin.client.model.AllocationPlan;
import com.critmin.client.model.DemandLine;
import com.critmin.client.model.InlineOffer;
import com.critmin.client.model.InlineSupplier;
import com.critmin.client.model.PlanRequest;
import com.critmin.client.model.PlanStatus;
import com.critmin.client.model.PolicyLimits;
import com.critmin.client.model.Problem;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A client generated from openapi/openapi.yaml (openapi-generator, default validation) against the
 * packaged app: what an ERP team does first with the contract.
 */
@QuarkusIntegrationTest
class GeneratedClientIT {

  private static AllocationPlansApi plans() {
    ApiClient client = new ApiClient();
    client.updateBaseUri("http://localhost:" + RestAssured.port);
    return new AllocationPlansApi(client);
  }

  private static PlanRequest request(double quantity) {
    return new PlanRequest()
        .demand(List.of(new DemandLine().material("NDPR_OXIDE").quantity(quantity)))
        .policy(new PolicyLimits().maxCountryShare(0.6))
        .offers(
            List.of(
                new InlineOffer()
                    .id("cn-1")
                    .material("NDPR_OXIDE")
                    .supplier(new InlineSupplier().id("cnre").country("CN"))
                    .capacity(100.0)
                    .unitPrice(70.0),
                new InlineOffer()
                    .id("au-1")
                    .material("NDPR_OXIDE")
                    .supplier(new InlineSupplier().id("lynas").country("AU"))
                    .capacity(100.0)
                    .unitPrice(80.0)));
  }

  @Test
  void createsAPlanSynchronouslyAndReadsIt() throws ApiException {
    ApiResponse<AllocationPlan> created = plans().createPlanWithHttpInfo(request(100), null, null);
    assertThat(created.getStatusCode()).isEqualTo(201);
    assertThat(created.getHeaders().get("location").get(0)).endsWith(created.getData().getId());
    AllocationPlan plan = created.getData();
    assertThat(plan.getStatus()).isEqualTo(PlanStatus.OPTIMAL);
    assertThat(plan.getTotalCost()).isEqualByComparingTo(java.math.BigDecimal.valueOf(60 * 70 + 40 * 80));

    AllocationPlan read = plans().getPlan(plan.getId());
    assertThat(read.getId()).isEqualTo(plan.getId());
    assertThat(read.getAllocations()).hasSize(2);
  }

  @Test
  void createsAPlanAsynchronouslyAndPollsIt() throws Exception {
    ApiResponse<AllocationPlan> accepted =
        plans().createPlanWithHttpInfo(request(100), null, "respond-async");
    assertThat(accepted.getStatusCode()).isEqualTo(202);
    assertThat(accepted.getData().getStatus())
        .isIn(PlanStatus.PENDING, PlanStatus.RUNNING, PlanStatus.OPTIMAL);
    PlanStatus status = accepted.getData().getStatus();
    for (int i = 0; i < 200 && !Set.of(PlanStatus.OPTIMAL, PlanStatus.FAILED).contains(status); i++) {
      Thread.sleep(50);
      status = plans().getPlan(accepted.getData().getId()).getStatus();
    }
    assertThat(status).isEqualTo(PlanStatus.OPTIMAL);
  }

  @Test
  void readsA422AsAProblemDocument() {
    ApiClient client = new ApiClient();
    assertThatThrownBy(() -> plans().createPlan(request(-1), null, null))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.getCode()).isEqualTo(422);
              assertThat(e.getResponseHeaders().firstValue("content-type"))
                  .hasValue("application/problem+json");
              Problem problem;
              try {
                problem = client.getObjectMapper().readValue(e.getResponseBody(), Problem.class);
              } catch (java.io.IOException unreadable) {
                throw new AssertionError(unreadable);
              }
              assertThat(problem.getStatus()).isEqualTo(422);
              assertThat(problem.getErrors()).isNotEmpty();
              assertThat(problem.getErrors().get(0).getField()).contains("quantity");
            });
  }
}
