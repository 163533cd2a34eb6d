package com.critmin.sourcing.idempotency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One Idempotency-Key of one caller and operation, and the first answer given to it. */
@Entity
@Table(name = "idempotency_key")
public class IdempotencyRecord {
  @Id
  @Column(length = 64)
  public String id;

  @Column(nullable = false, length = 255)
  public String scope;

  @Column(nullable = false, length = 64)
  public String operation;

  @Column(name = "idem_key", nullable = false, length = 255)
  public String key;

  @Column(name = "request_digest", nullable = false, length = 80)
  public String requestDigest;

  /** Null while the first request with this key is still running. */
  @Column(name = "response_status")
  public Integer responseStatus;

  @Column(name = "response_body")
  public String responseBody;

  @Column(length = 512)
  public String location;

  @Column(name = "resource_id", length = 64)
  public String resourceId;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;
}
