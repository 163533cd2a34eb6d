package com.critmin.sourcing.config;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Tracing is on only when an OTLP endpoint is configured (QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT or
 * its traces-only form, as environment variables or system properties): otherwise the SDK is off,
 * so no exporter tries a collector that is not there. Lowest precedence: an explicit
 * quarkus.otel.sdk.disabled anywhere wins.
 */
public class TracingDefaults implements ConfigSource {
  private static final String SDK_DISABLED = "quarkus.otel.sdk.disabled";
  private static final String[] ENDPOINTS = {
    "quarkus.otel.exporter.otlp.endpoint", "quarkus.otel.exporter.otlp.traces.endpoint"
  };

  @Override
  public Map<String, String> getProperties() {
    return Map.of(SDK_DISABLED, getValue(SDK_DISABLED));
  }

  @Override
  public Set<String> getPropertyNames() {
    return Set.of(SDK_DISABLED);
  }

  @Override
  public String getValue(String name) {
    if (!SDK_DISABLED.equals(name)) {
      return null;
    }
    for (String endpoint : ENDPOINTS) {
      String env = endpoint.toUpperCase().replace('.', '_');
      if (isSet(System.getProperty(endpoint)) || isSet(System.getenv(env))) {
        return "false";
      }
    }
    return "true";
  }

  private static boolean isSet(String value) {
    return value != null && !value.isBlank();
  }

  @Override
  public int getOrdinal() {
    return 50;
  }

  @Override
  public String getName() {
    return "sourcing-tracing-defaults";
  }
}
