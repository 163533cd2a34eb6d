package com.critmin.sourcing.common;

import jakarta.ws.rs.core.EntityTag;

/**
 * A representation with its entity tag; {@code created} tells a PUT that created from one that
 * replaced.
 */
public record Versioned<T>(T body, EntityTag etag, boolean created) {
  public static <T> Versioned<T> of(T body, EntityTag etag) {
    return new Versioned<>(body, etag, false);
  }
}
