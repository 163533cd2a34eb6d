package com.critmin.sourcing.error;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Database constraint violations say what happened: a broken reference is a 409, a duplicate insert
 * that outlived the service's own retries is a lost race, worth retrying (503).
 */
class ProblemMappersTest {
  private final ProblemMappers mappers = new ProblemMappers();

  private Problem problem(Throwable failure) {
    Response response = mappers.unexpected(new PersistenceException("flush", failure), null);
    assertThat(response.getStatus()).isEqualTo(409);
    return (Problem) response.getEntity();
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"FOREIGN_KEY,23503", "OTHER,23503", "OTHER,23506"})
  void aForeignKeyViolationIsABrokenReferenceNotAConcurrentRequest(
      ConstraintKind kind, String sqlState) {
    Problem problem =
        problem(
            new ConstraintViolationException(
                "violation", new SQLException("fk", sqlState), kind, "offer_material_fk"));

    assertThat(problem.type()).isEqualTo(ProblemType.CONFLICT.uri());
    assertThat(problem.detail()).contains("reference").doesNotContain("concurrent");
  }

  @Test
  void aDuplicateInsertThatOutlivedTheRetriesIsALostRaceToRetry() {
    Response response =
        mappers.unexpected(
            new PersistenceException(
                "flush",
                new ConstraintViolationException(
                    "violation",
                    new SQLException("duplicate", "23505"),
                    ConstraintKind.UNIQUE,
                    "material_pkey")),
            null);

    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeaderString("Retry-After")).isNotBlank();
    assertThat(((Problem) response.getEntity()).detail()).contains("Concurrent writes");
  }
}
