package com.critmin.sourcing.config;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Hands requests with malformed percent-encoding ({@code /v1/materials/%ZZ}) on to the router,
 * where they get a 400 problem document: Quarkus' HTTP root handler otherwise answers them a bare
 * 400 before any route runs. That handler reads the system property {@code
 * vertx.disableURIValidation} once, when its class loads; configuration sources are created before
 * it, so this one (which provides no keys) sets the property first. The router's first route
 * (error.BodyLimitRoute) refuses every malformed URI itself.
 */
public class UriValidationSwitch implements ConfigSource {
  static {
    if (System.getProperty("vertx.disableURIValidation") == null) {
      System.setProperty("vertx.disableURIValidation", "true");
    }
  }

  @Override
  public Map<String, String> getProperties() {
    return Map.of();
  }

  @Override
  public Set<String> getPropertyNames() {
    return Set.of();
  }

  @Override
  public int getOrdinal() {
    return 0;
  }

  @Override
  public String getValue(String propertyName) {
    return null;
  }

  @Override
  public String getName() {
    return "uri-validation-switch";
  }
}
