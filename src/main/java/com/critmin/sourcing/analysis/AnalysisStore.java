package com.critmin.sourcing.analysis;

import com.critmin.sourcing.analysis.api.AnalysisSummary;
import com.critmin.sourcing.common.Cursors;
import com.critmin.sourcing.common.Page;
import com.critmin.sourcing.error.ApiException;
import com.critmin.sourcing.job.Jobs;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Stores analysis runs in their own transactions, so that no solve runs inside one; an asynchronous
 * run's job is written in the transaction that stores it.
 */
@ApplicationScoped
@Transactional
public class AnalysisStore {
  private final AnalysisRunRepository runs;
  private final Jobs jobs;

  public AnalysisStore(AnalysisRunRepository runs, Jobs jobs) {
    this.runs = runs;
    this.jobs = jobs;
  }

  public void insert(AnalysisRun run) {
    runs.persist(run);
  }

  /** Stores a PENDING run and queues the job that computes it: both or neither. */
  public void insertWithJob(AnalysisRun run, String data) {
    runs.persist(run);
    runs.flush();
    jobs.submit(run.kind.jobKind(), run.id, data);
  }

  /**
   * Moves an asynchronous run along PENDING -> RUNNING -> final; a run already final (cancelled, or
   * FAILED after its job was given up) stays as it is: false.
   */
  public boolean updateIfUnfinished(
      String id, AnalysisStatus status, String resultJson, Instant completedAt) {
    AnalysisRun run = runs.findById(id, LockModeType.PESSIMISTIC_WRITE);
    if (run == null || run.status.isFinal()) {
      return false;
    }
    run.status = status;
    run.resultJson = resultJson;
    run.completedAt = completedAt;
    if (status == AnalysisStatus.RUNNING) {
      run.startedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
    return true;
  }

  /**
   * Cancels a PENDING or RUNNING run of this kind and its job; the run as stored afterwards
   * (CANCELLED), empty when there is none; 409 when it is already final.
   */
  public Optional<AnalysisRun> cancelIfUnfinished(
      AnalysisKind kind, String id, String cancelledJson, Instant completedAt) {
    AnalysisRun run = runs.findById(id, LockModeType.PESSIMISTIC_WRITE);
    if (run == null || run.kind != kind) {
      return Optional.empty();
    }
    if (run.status.isFinal()) {
      throw ApiException.conflict(
          label(kind)
              + " "
              + id
              + " is already "
              + run.status
              + "; only PENDING or RUNNING runs can be cancelled");
    }
    run.status = AnalysisStatus.CANCELLED;
    run.resultJson = cancelledJson;
    run.completedAt = completedAt;
    runs.flush();
    jobs.cancel(kind.jobKind(), id);
    return Optional.of(run);
  }

  static String label(AnalysisKind kind) {
    return kind == AnalysisKind.FRONTIER ? "Frontier" : "Stress test";
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<AnalysisRun> find(AnalysisKind kind, String id) {
    return runs.findByIdOptional(id).filter(r -> r.kind == kind);
  }

  /** Runs of one kind, in one status when it is given, newest first (ids sort by creation time). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<AnalysisSummary> list(
      AnalysisKind kind, AnalysisStatus status, String cursor, int limit) {
    String scope = "Analyses|" + kind + (status == null ? "" : "|" + status);
    String before = Cursors.decode(scope, cursor);
    StringBuilder query = new StringBuilder("kind = :kind");
    Parameters parameters = Parameters.with("kind", kind);
    if (status != null) {
      query.append(" and status = :status");
      parameters.and("status", status);
    }
    if (before != null) {
      query.append(" and id < :before");
      parameters.and("before", before);
    }
    query.append(" order by id desc");
    List<AnalysisRun> rows = runs.find(query.toString(), parameters).range(0, limit).list();
    return Cursors.page(scope, rows, limit, r -> r.id)
        .map(
            r ->
                new AnalysisSummary(
                    r.id, r.status.name(), r.createdAt, r.completedAt, r.currency, r.inputDigest));
  }
}
