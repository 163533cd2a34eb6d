package com.critmin.sourcing.config;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Whether the API wants bearer tokens, and what follows: on, a start without a key to verify them
 * fails; off (the embedded default), every caller holds every role, and the log says so at start.
 */
@ApplicationScoped
public class Authentication implements SecurityIdentityAugmentor {
  private static final Logger LOG = Logger.getLogger(Authentication.class);

  /** The settings any one of which gives smallrye-jwt a key (or a JWKS URL) to verify tokens. */
  static final List<String> KEY_SETTINGS =
      List.of(
          "mp.jwt.verify.publickey",
          "mp.jwt.verify.publickey.location",
          "smallrye.jwt.verify.key.location");

  private final boolean enabled;
  private final Config config;

  public Authentication(SourcingConfig sourcing, Config config) {
    this.config = config;
    String dbKind =
        config.getOptionalValue("quarkus.datasource.db-kind", String.class).orElse("h2");
    this.enabled = sourcing.auth().enabled().orElse(!"h2".equals(dbKind));
  }

  void check(@Observes StartupEvent event) {
    if (!enabled) {
      LOG.warn(
          "AUTHENTICATION IS OFF: every caller may read and write everything. This is the embedded"
              + " default, for trying the service; set SOURCING_AUTH_ENABLED=true and"
              + " MP_JWT_VERIFY_PUBLICKEY_LOCATION (and MP_JWT_VERIFY_ISSUER) to require bearer tokens.");
      return;
    }
    boolean hasKey =
        KEY_SETTINGS.stream()
            .anyMatch(
                key ->
                    config
                        .getOptionalValue(key, String.class)
                        .filter(v -> !v.isBlank())
                        .isPresent());
    if (!hasKey) {
      throw new IllegalStateException(
          "Authentication is on (SOURCING_AUTH_ENABLED, on by default with PostgreSQL) but no key"
              + " verifies tokens: set MP_JWT_VERIFY_PUBLICKEY_LOCATION (a PEM file or a JWKS URL of"
              + " your OIDC provider) and MP_JWT_VERIFY_ISSUER, or SOURCING_AUTH_ENABLED=false to run"
              + " without authentication");
    }
    if (config.getOptionalValue("mp.jwt.verify.issuer", String.class).isEmpty()) {
      LOG.warn("MP_JWT_VERIFY_ISSUER is not set: tokens of any issuer signed with the key pass");
    }
    LOG.info("Authentication is on: bearer JWT with roles sourcing-admin and sourcing-planner");
  }

  /** Whether requests need a bearer token. */
  public boolean enabled() {
    return enabled;
  }

  @Override
  public Uni<SecurityIdentity> augment(
      SecurityIdentity identity, AuthenticationRequestContext context) {
    if (enabled || !identity.isAnonymous()) {
      return Uni.createFrom().item(identity);
    }
    return Uni.createFrom()
        .item(
            QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("anonymous"))
                .addRoles(Set.of(Roles.ADMIN, Roles.PLANNER))
                .setAnonymous(false)
                .build());
  }
}
