package com.critmin.sourcing.common;

import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list; {@code nextCursor} is null on the last page. */
public record Page<T>(
    List<T> items, @Schema(description = NEXT_CURSOR, nullable = true) String nextCursor) {

  /** What the contract says of nextCursor, on every page schema. */
  public static final String NEXT_CURSOR = "Opaque cursor for the next page; null on the last page";

  public <R> Page<R> map(Function<T, R> mapper) {
    return new Page<>(items.stream().map(mapper).toList(), nextCursor);
  }
}
