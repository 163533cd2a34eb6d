package com.critmin.sourcing.security;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

/** Mints the tokens the security tests send: valid ones, and each way of being invalid. */
final class Tokens {
  static final String ISSUER = "https://issuer.test/realms/sourcing";
  static final String AUDIENCE = "sourcing-optimizer";
  static final Path PUBLIC_KEY = Path.of("src/test/resources/jwt/public-key.pem").toAbsolutePath();
  private static final Path PRIVATE_KEY = Path.of("src/test/resources/jwt/private-key.pem");

  private Tokens() {}

  /** The configuration that makes the service verify these tokens. */
  static java.util.Map<String, String> verification() {
    return java.util.Map.of(
        "sourcing.auth.enabled",
        "true",
        "mp.jwt.verify.publickey.location",
        PUBLIC_KEY.toString(),
        "mp.jwt.verify.issuer",
        ISSUER);
  }

  static String valid(String... roles) {
    return claims(roles).sign(privateKey());
  }

  static String expired() {
    Instant now = Instant.now();
    return claims(ADMIN_AND_PLANNER)
        .issuedAt(now.minusSeconds(7200))
        .expiresAt(now.minusSeconds(3600))
        .sign(privateKey());
  }

  static String notYetValid() {
    return claims(ADMIN_AND_PLANNER)
        .claim("nbf", Instant.now().plusSeconds(3600).getEpochSecond())
        .sign(privateKey());
  }

  static String ofIssuer(String issuer) {
    return claims(ADMIN_AND_PLANNER).issuer(issuer).sign(privateKey());
  }

  static String forAudience(String audience) {
    return claims(ADMIN_AND_PLANNER).audience(audience).sign(privateKey());
  }

  /** Signed with a key the service does not know. */
  static String forged() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return claims(ADMIN_AND_PLANNER).sign(generator.generateKeyPair().getPrivate());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final String[] ADMIN_AND_PLANNER = {"sourcing-admin", "sourcing-planner"};

  private static JwtClaimsBuilder claims(String... roles) {
    return Jwt.issuer(ISSUER)
        .audience(AUDIENCE)
        .subject("tester")
        .upn("tester@critmin.com")
        .groups(Set.of(roles))
        .expiresIn(300);
  }

  private static PrivateKey privateKey() {
    try {
      String pem =
          Files.readString(PRIVATE_KEY).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
      return KeyFactory.getInstance("RSA")
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
