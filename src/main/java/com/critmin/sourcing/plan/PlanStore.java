package com.critmin.sourcing.plan;

import com.critmin.sourcing.common.Cursors;
import com.critmin.sourcing.common.Page;
import com.critmin.sourcing.error.ApiException;
import com.critmin.sourcing.job.Jobs;
import com.critmin.sourcing.plan.api.PlanSummary;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** Stores plans in their own transactions, so that no solve ever runs inside one. */
@ApplicationScoped
@Transactional
public class PlanStore {
  private final AllocationPlanRepository plans;
  private final Jobs jobs;

  public PlanStore(AllocationPlanRepository plans, Jobs jobs) {
    this.plans = plans;
    this.jobs = jobs;
  }

  /** Stores a PENDING plan and queues the job that solves it: both or neither. */
  public void insertWithJob(AllocationPlan plan, String kind, String data) {
    plans.persist(plan);
    plans.flush();
    jobs.submit(kind, plan.id, data);
  }

  /**
   * Cancels a PENDING or RUNNING plan and its job; the plan as stored afterwards (CANCELLED), empty
   * when there is none; 409 when it is already final.
   */
  public Optional<AllocationPlan> cancelIfUnfinished(String id, String cancelledJson, String kind) {
    AllocationPlan plan = plans.findById(id, LockModeType.PESSIMISTIC_WRITE);
    if (plan != null && !isUnfinished(plan)) {
      throw ApiException.conflict(
          "Allocation plan "
              + id
              + " is already "
              + plan.status
              + "; only PENDING or RUNNING plans can be cancelled");
    }
    if (plan != null) {
      plan.status = PlanStatus.CANCELLED;
      plan.result(cancelledJson);
      plan.completedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
      plans.flush();
      jobs.cancel(kind, id);
    }
    return Optional.ofNullable(plan);
  }

  /**
   * Moves an asynchronous plan along PENDING -> RUNNING -> final; only those may change, and a plan
   * already final (cancelled, or FAILED after its job was given up) stays as it is: false.
   */
  public boolean updateIfUnfinished(
      String id,
      PlanStatus status,
      String resultJson,
      Double totalCost,
      String engine,
      Instant completedAt) {
    AllocationPlan plan = plans.findById(id, LockModeType.PESSIMISTIC_WRITE);
    if (plan == null || !isUnfinished(plan)) {
      return false;
    }
    plan.status = status;
    plan.result(resultJson);
    plan.totalCost = totalCost;
    plan.engine = engine;
    plan.completedAt = completedAt;
    if (status == PlanStatus.RUNNING) {
      plan.startedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
    return true;
  }

  /** Marks a plan that is still PENDING or RUNNING as FAILED; the plan as stored afterwards. */
  public Optional<AllocationPlan> failIfUnfinished(String id, String failedJson) {
    AllocationPlan plan = plans.findById(id, LockModeType.PESSIMISTIC_WRITE);
    if (plan != null && isUnfinished(plan)) {
      plan.status = PlanStatus.FAILED;
      plan.result(failedJson);
      plan.completedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
    return Optional.ofNullable(plan);
  }

  private static boolean isUnfinished(AllocationPlan plan) {
    return !plan.status.isFinal();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<AllocationPlan> find(String id) {
    return plans.findByIdOptional(id);
  }

  /** What a plan list keeps; a null member does not filter. */
  public record Filters(
      PlanStatus status,
      Instant createdFrom,
      Instant createdTo,
      String material,
      String policyId,
      String reference) {}

  /** Newest first (plan ids sort by creation time), filtered as the filters say. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<PlanSummary> list(String cursor, int limit, Filters filters) {
    PlanStatus status = filters.status();
    Instant createdFrom = filters.createdFrom();
    Instant createdTo = filters.createdTo();
    StringBuilder query = new StringBuilder("1 = 1");
    Parameters parameters = new Parameters();
    String scope = "Allocation plans|" + filters;
    String before = Cursors.decode(scope, cursor);
    if (before != null) {
      query.append(" and id < :before");
      parameters.and("before", before);
    }
    if (status != null) {
      query.append(" and status = :status");
      parameters.and("status", status);
    }
    if (createdFrom != null) {
      query.append(" and createdAt >= :from");
      parameters.and("from", createdFrom);
    }
    if (createdTo != null) {
      query.append(" and createdAt < :to");
      parameters.and("to", createdTo);
    }
    if (filters.material() != null) {
      query.append(" and :material member of materials");
      parameters.and("material", filters.material());
    }
    if (filters.policyId() != null) {
      query.append(" and policyId = :policyId");
      parameters.and("policyId", filters.policyId());
    }
    if (filters.reference() != null) {
      query.append(" and reference = :reference");
      parameters.and("reference", filters.reference());
    }
    query.append(" order by id desc");
    List<AllocationPlan> rows = plans.find(query.toString(), parameters).range(0, limit).list();
    return Cursors.page(scope, rows, limit, p -> p.id)
        .map(
            p ->
                new PlanSummary(
                    p.id,
                    p.status.name(),
                    p.createdAt,
                    p.completedAt,
                    p.currency,
                    p.totalCost == null ? null : Decimals.money(p.totalCost, p.currency),
                    p.engine,
                    p.inputDigest));
  }
}
