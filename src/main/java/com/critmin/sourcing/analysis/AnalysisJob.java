package com.critmin.sourcing.analysis;

import com.critmin.sourcing.job.JobHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

/**
 * Computes asynchronous analyses (Prefer: respond-async) as jobs that any replica may run, one
 * handler per kind; a job thread has no request of its own, so each call gets a request context for
 * the persistence context.
 */
public final class AnalysisJob {
  private AnalysisJob() {}

  /** Jobs of kind "frontier". */
  @ApplicationScoped
  public static class Frontiers implements JobHandler {
    private final AnalysisService analyses;

    public Frontiers(AnalysisService analyses) {
      this.analyses = analyses;
    }

    @Override
    public String kind() {
      return AnalysisKind.FRONTIER.jobKind();
    }

    @Override
    @ActivateRequestContext
    public void run(String id, String data) {
      analyses.runJob(AnalysisKind.FRONTIER, id, data);
    }

    @Override
    @ActivateRequestContext
    public void giveUp(String id, String reason) {
      analyses.giveUpJob(AnalysisKind.FRONTIER, id, reason);
    }
  }

  /** Jobs of kind "stress-test". */
  @ApplicationScoped
  public static class StressTests implements JobHandler {
    private final AnalysisService analyses;

    public StressTests(AnalysisService analyses) {
      this.analyses = analyses;
    }

    @Override
    public String kind() {
      return AnalysisKind.STRESS_TEST.jobKind();
    }

    @Override
    @ActivateRequestContext
    public void run(String id, String data) {
      analyses.runJob(AnalysisKind.STRESS_TEST, id, data);
    }

    @Override
    @ActivateRequestContext
    public void giveUp(String id, String reason) {
      analyses.giveUpJob(AnalysisKind.STRESS_TEST, id, reason);
    }
  }
}
