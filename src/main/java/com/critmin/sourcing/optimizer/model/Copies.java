package com.critmin.sourcing.optimizer.model;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Null-tolerant defensive copies used by the model records. */
final class Copies {
  private Copies() {}

  static <T> List<T> list(List<T> list) {
    if (list == null || list.isEmpty()) return List.of();
    return List.copyOf(list.stream().filter(e -> e != null).toList());
  }

  static <T> Set<T> set(Collection<T> set) {
    if (set == null || set.isEmpty()) return Set.of();
    return Set.copyOf(set.stream().filter(e -> e != null).toList());
  }

  static <K, V> Map<K, V> map(Map<K, V> map) {
    if (map == null || map.isEmpty()) return Map.of();
    var copy = new java.util.HashMap<K, V>(map.size() * 2);
    map.forEach(
        (k, v) -> {
          if (k != null && v != null) copy.put(k, v);
        });
    return Map.copyOf(copy);
  }
}
