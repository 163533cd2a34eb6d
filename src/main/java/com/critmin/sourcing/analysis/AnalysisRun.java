package com.critmin.sourcing.analysis;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A stored frontier or stress test: its input snapshot and its answer as JSON, final once done. */
@Entity
@Table(name = "analysis_run")
public class AnalysisRun {
  @Id
  @Column(length = 32)
  public String id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  public AnalysisKind kind;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  public AnalysisStatus status;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "started_at")
  public Instant startedAt;

  @Column(name = "completed_at")
  public Instant completedAt;

  @Column(nullable = false, length = 3)
  public String currency;

  @Column(name = "input_digest", nullable = false, length = 80)
  public String inputDigest;

  @Column(name = "input_gzip")
  public byte[] inputGzip;

  @Column(name = "result_json")
  public String resultJson;

  @Version public long version;
}
