package com.critmin.sourcing.plan;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/** A stored plan: its input snapshot and its result as JSON, never changed once final. */
@Entity
@Table(name = "allocation_plan")
public class AllocationPlan {
  @Id
  @Column(length = 32)
  public String id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  public PlanStatus status;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  /** When an asynchronous plan started RUNNING. */
  @Column(name = "started_at")
  public Instant startedAt;

  @Column(name = "completed_at")
  public Instant completedAt;

  @Column(nullable = false, length = 3)
  public String currency;

  @Column(name = "total_cost")
  public Double totalCost;

  @Column(length = 32)
  public String engine;

  @Column(name = "solver_version", length = 64)
  public String solverVersion;

  @Column(name = "input_digest", nullable = false, length = 80)
  public String inputDigest;

  /** The canonical input the plan was solved from, as gzip-compressed JSON. */
  @Column(name = "input_gzip")
  public byte[] inputGzip;

  /** The plan as the API returns it, gzip-compressed (see {@link #result()}). */
  @Column(name = "result_gzip")
  public byte[] resultGzip;

  /** The answer of a plan stored before answers were compressed (V36); null for later ones. */
  @Column(name = "result_json")
  public String uncompressedResult;

  /** The client's reference (an ERP requisition number), for list filters. */
  @Column(length = 200)
  public String reference;

  /** The stored policy or preset the request named, if any. */
  @Column(name = "policy_id", length = 64)
  public String policyId;

  /** The demanded materials, for list filters. */
  @ElementCollection
  @CollectionTable(name = "allocation_plan_material", joinColumns = @JoinColumn(name = "plan_id"))
  @Column(name = "material", length = 64)
  public Set<String> materials = new TreeSet<>();

  @Version public long version;

  /** The plan as the API returns it; null before it has one. */
  public String result() {
    return resultGzip != null ? GzipText.text(resultGzip, "a stored plan") : uncompressedResult;
  }

  /** Stores the plan as the API returns it (compressed). */
  public void result(String json) {
    resultGzip = json == null ? null : GzipText.compress(json);
    uncompressedResult = null;
  }
}
