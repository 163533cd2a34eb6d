package com.critmin.sourcing.analysis;

import com.critmin.sourcing.analysis.api.AnalysisSummary;
import com.critmin.sourcing.common.Cursors;
import com.critmin.sourcing.common.Page;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** Stores analysis runs in their own transactions, so that no solve runs inside one. */
@ApplicationScoped
@Transactional
public class AnalysisStore {
  private final AnalysisRunRepository runs;

  public AnalysisStore(AnalysisRunRepository runs) {
    this.runs = runs;
  }

  public void insert(AnalysisRun run) {
    runs.persist(run);
  }

  /** Moves an asynchronous run along PENDING -> RUNNING -> final; a final run stays as it is. */
  public void update(String id, AnalysisStatus status, String resultJson, Instant completedAt) {
    AnalysisRun run = runs.findById(id, LockModeType.PESSIMISTIC_WRITE);
    if (run == null || run.status.isFinal()) {
      throw new IllegalStateException("analysis " + id + " is not pending or running");
    }
    run.status = status;
    run.resultJson = resultJson;
    run.completedAt = completedAt;
    if (status == AnalysisStatus.RUNNING) {
      run.startedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<AnalysisRun> find(AnalysisKind kind, String id) {
    return runs.findByIdOptional(id).filter(r -> r.kind == kind);
  }

  /** Runs of one kind, newest first (ids sort by creation time). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<AnalysisSummary> list(AnalysisKind kind, String cursor, int limit) {
    String scope = "Analyses|" + kind;
    String before = Cursors.decode(scope, cursor);
    StringBuilder query = new StringBuilder("kind = :kind");
    Parameters parameters = Parameters.with("kind", kind);
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
