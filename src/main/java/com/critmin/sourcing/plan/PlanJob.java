package com.critmin.sourcing.plan;

import com.critmin.sourcing.job.JobHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

/**
 * Solves asynchronous plans (Prefer: respond-async) as jobs that any replica may run; a job thread
 * has no request of its own, so each call gets a request context for the persistence context.
 */
@ApplicationScoped
public class PlanJob implements JobHandler {
  private final PlanService plans;

  public PlanJob(PlanService plans) {
    this.plans = plans;
  }

  @Override
  public String kind() {
    return PlanService.JOB_KIND;
  }

  @Override
  @ActivateRequestContext
  public void run(String id, String data) {
    plans.runJob(id, data);
  }

  @Override
  @ActivateRequestContext
  public void giveUp(String id, String reason) {
    plans.giveUpJob(id, reason);
  }
}
