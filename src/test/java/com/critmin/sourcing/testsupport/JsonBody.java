package com.critmin.sourcing.testsupport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable JSON object for request bodies: start from a fixture, change one member per test.
 */
public final class JsonBody {
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  private final Map<String, Object> members;

  private JsonBody(Map<String, Object> members) {
    this.members = members;
  }

  /** A body from alternating member names and values. */
  public static JsonBody of(Object... namesAndValues) {
    Map<String, Object> members = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      members.put((String) namesAndValues[i], unwrap(namesAndValues[i + 1]));
    }
    return new JsonBody(members);
  }

  /** A copy with one member set; a null value is sent as JSON null. */
  public JsonBody with(String name, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(members);
    copy.put(name, unwrap(value));
    return new JsonBody(copy);
  }

  /** A copy without a member. */
  public JsonBody without(String name) {
    Map<String, Object> copy = new LinkedHashMap<>(members);
    copy.remove(name);
    return new JsonBody(copy);
  }

  public Object get(String name) {
    return members.get(name);
  }

  /** The members, for REST Assured to serialize. */
  public Map<String, Object> json() {
    return members;
  }

  /**
   * The body as JSON text with one member's value written verbatim, for numbers that no Java value
   * serializes to (such as {@code 1e400}).
   */
  public String withRawMember(String name, String rawJsonValue) {
    String marker = "\"@@raw@@\"";
    try {
      return JSON.writeValueAsString(with(name, "@@raw@@").json()).replace(marker, rawJsonValue);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object unwrap(Object value) {
    if (value instanceof JsonBody body) {
      return body.json();
    }
    if (value instanceof List<?> list) {
      return list.stream().map(JsonBody::unwrap).toList();
    }
    return value;
  }
}
