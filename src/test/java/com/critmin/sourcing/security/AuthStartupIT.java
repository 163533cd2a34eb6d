package com.critmin.sourcing.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.critmin.sourcing.testsupport.ServiceProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar refuses to start when it should check tokens but has no key to check them with:
 * when authentication is switched on, and on PostgreSQL by default.
 */
class AuthStartupIT {

  @Test
  void authenticationOnWithoutKeyStopsTheStart() throws Exception {
    Path dir = Files.createTempDirectory("auth-startup");
    assertThatThrownBy(() -> ServiceProcess.start(dir, Map.of("SOURCING_AUTH_ENABLED", "true")))
        .hasMessageContaining("stopped at start-up");
    assertThat(Files.readString(dir.resolve("service.log"))).contains("no key verifies tokens");
  }

  @Test
  void postgresqlBuildRequiresAKeyUnlessSwitchedOff() throws Exception {
    Assumptions.assumeTrue(ServiceProcess.onPostgresql(), "the PostgreSQL build's default");
    Path dir = Files.createTempDirectory("auth-startup-pg");
    // An empty value is no value: the build's default applies.
    assertThatThrownBy(() -> ServiceProcess.start(dir, Map.of("SOURCING_AUTH_ENABLED", "")))
        .hasMessageContaining("stopped at start-up");
    assertThat(Files.readString(dir.resolve("service.log"))).contains("no key verifies tokens");
  }

  @Test
  void aKeyIsEnoughToStartWithAuthentication() throws Exception {
    Path dir = Files.createTempDirectory("auth-startup-key");
    try (ServiceProcess service =
        ServiceProcess.start(
            dir,
            Map.of(
                "SOURCING_AUTH_ENABLED",
                "true",
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                Tokens.PUBLIC_KEY.toString(),
                "MP_JWT_VERIFY_ISSUER",
                Tokens.ISSUER))) {
      assertThat(service.status("/v1/materials")).isEqualTo(401);
      assertThat(service.status("/q/health/ready")).isEqualTo(200);
    }
  }
}
