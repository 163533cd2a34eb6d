package com.critmin.sourcing.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;

/**
 * Runs an {@code id in (...)} query over any number of ids, a thousand at a time: PostgreSQL's
 * driver takes at most 65,535 parameters per statement, and requests carry up to 200,000 ids.
 */
public final class InChunks {
  private static final int CHUNK = 1000;

  private InChunks() {}

  /** The rows of every chunk, in chunk order; duplicate ids are queried once. */
  public static <T> List<T> query(Collection<String> ids, Function<List<String>, List<T>> query) {
    List<String> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
    List<T> rows = new ArrayList<>();
    for (int from = 0; from < distinct.size(); from += CHUNK) {
      rows.addAll(query.apply(distinct.subList(from, Math.min(distinct.size(), from + CHUNK))));
    }
    return rows;
  }
}
