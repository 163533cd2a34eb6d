package db.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * V5 and V6 on a database that has policies from before them: each policy gets a row per stored
 * group its limits name, built-in groups none. Runs in a schema of its own on the tests' PostgreSQL
 * database (-Ppostgresql), else on an in-memory H2 database.
 */
class PolicyGroupReferencesMigrationTest {
  private static final String SCHEMA = "migration_test";

  private String url;
  private String user;
  private String password;
  private Flyway flyway;

  @BeforeEach
  void before() {
    String postgres = System.getenv("_TEST_QUARKUS_DATASOURCE_JDBC_URL");
    url =
        postgres != null
            ? postgres
            : "jdbc:h2:mem:migration-test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
    user = postgres != null ? System.getenv("_TEST_QUARKUS_DATASOURCE_USERNAME") : "sa";
    password = postgres != null ? System.getenv("_TEST_QUARKUS_DATASOURCE_PASSWORD") : "";
    flyway = flyway(null);
    flyway.clean();
  }

  @AfterEach
  void after() {
    flyway.clean();
  }

  private Flyway flyway(String target) {
    var configuration =
        Flyway.configure()
            .dataSource(url, user, password == null ? "" : password)
            .schemas(SCHEMA)
            .createSchemas(true)
            .cleanDisabled(false)
            .locations("classpath:db/migration");
    if (target != null) {
      configuration.target(target);
    }
    return configuration.load();
  }

  @Test
  void policiesStoredBeforeGetTheirStoredGroupsAsRows() throws SQLException {
    flyway("4").migrate();
    try (Connection connection = connect();
        Statement sql = connection.createStatement()) {
      sql.execute(group("allied"));
      sql.execute(group("a_b"));
      sql.execute(group("unused"));
      sql.execute(
          policy(
              "p1",
              "[{\"group\":\"allied\",\"maxShare\":0.5,\"minShare\":null,\"stage\":null,\"material\":null},"
                  + "{\"group\":\"FEOC\",\"maxShare\":0.2},"
                  + "{\"group\":\"allied\",\"minShare\":0.1,\"stage\":\"MINING\"}]"));
      sql.execute(policy("p2", "[ { \"maxShare\" : 0.3 , \"group\" : \"a_b\" } ]"));
      sql.execute(policy("p3", null));
      sql.execute(policy("p4", "[]"));
    }

    flyway(null).migrate();

    assertThat(references()).containsExactly("p1 allied", "p2 a_b");
  }

  @Test
  void theDatabaseRefusesToDeleteAGroupAPolicyNames() throws SQLException {
    flyway(null).migrate();
    try (Connection connection = connect();
        Statement sql = connection.createStatement()) {
      sql.execute(group("allied"));
      sql.execute(policy("p1", "[]"));
      sql.execute(
          "INSERT INTO sourcing_policy_group (policy_id, group_id) VALUES ('p1', 'allied')");

      assertThatThrownBy(() -> sql.execute("DELETE FROM country_group WHERE id = 'allied'"))
          .isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).startsWith("23"));

      sql.execute("DELETE FROM sourcing_policy WHERE id = 'p1'");
      assertThat(references()).isEmpty();
    }
  }

  private Connection connect() throws SQLException {
    Connection connection = DriverManager.getConnection(url, user, password);
    connection.setSchema(SCHEMA);
    return connection;
  }

  private List<String> references() throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection connection = connect();
        Statement sql = connection.createStatement();
        ResultSet result =
            sql.executeQuery(
                "SELECT policy_id, group_id FROM sourcing_policy_group ORDER BY policy_id, group_id")) {
      while (result.next()) {
        rows.add(result.getString(1) + " " + result.getString(2));
      }
    }
    return rows;
  }

  private static String group(String id) {
    return "INSERT INTO country_group (id, name, countries, version, created_at, updated_at)"
        + " VALUES ('"
        + id
        + "', 'n', 'AU', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)";
  }

  private static String policy(String id, String groupLimits) {
    return "INSERT INTO sourcing_policy (id, name, group_limits, version, created_at, updated_at)"
        + " VALUES ('"
        + id
        + "', 'n', "
        + (groupLimits == null ? "NULL" : "'" + groupLimits + "'")
        + ", 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)";
  }
}
