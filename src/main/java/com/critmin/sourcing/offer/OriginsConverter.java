package com.critmin.sourcing.offer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Map;
import java.util.TreeMap;

/** Stores the stage -> country map as a small JSON object, stages sorted. */
@Converter
public class OriginsConverter implements AttributeConverter<Map<String, String>, String> {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<TreeMap<String, String>> TYPE = new TypeReference<>() {};

  @Override
  public String convertToDatabaseColumn(Map<String, String> origins) {
    if (origins == null || origins.isEmpty()) {
      return null;
    }
    try {
      return JSON.writeValueAsString(new TreeMap<>(origins));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("origins cannot be written", e);
    }
  }

  @Override
  public Map<String, String> convertToEntityAttribute(String column) {
    if (column == null || column.isBlank()) {
      return Map.of();
    }
    try {
      return JSON.readValue(column, TYPE);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("origins column is not a JSON object", e);
    }
  }
}
