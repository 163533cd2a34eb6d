package com.critmin.sourcing.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Decimals are written as plain numbers, never with an exponent (84120000.00, not 8.412E7); a
 * decimal where a whole number belongs (minSuppliers 1.5) is refused, not cut to 1. A body with
 * anything but white space after its JSON value ({@code {...} trailing}, two objects, a cut-off
 * second one) is refused too, not read as its first value.
 */
@Singleton
public class JsonNumbers implements ObjectMapperCustomizer {
  @Override
  public void customize(ObjectMapper mapper) {
    mapper.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }
}
