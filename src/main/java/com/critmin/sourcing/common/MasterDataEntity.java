package com.critmin.sourcing.common;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Version;
import jakarta.ws.rs.core.EntityTag;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A master-data row with a client-chosen id and an optimistic-lock version behind its ETag. */
@MappedSuperclass
public abstract class MasterDataEntity {
  @Id
  @Column(length = 64)
  public String id;

  @Version public long version;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @PrePersist
  void onCreate() {
    // Millisecond precision survives both databases, so the ETag built from it reads back the same.
    createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    updatedAt = createdAt;
  }

  @PreUpdate
  void onUpdate() {
    updatedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }

  public EntityTag etag() {
    return Etags.of(version, createdAt);
  }
}
