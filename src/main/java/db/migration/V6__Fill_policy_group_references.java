package db.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fills sourcing_policy_group (V5) from the group limits that policies stored before it keep as
 * JSON text: parsed here, since H2 and PostgreSQL share no SQL to read JSON. Groups that are not
 * stored (the built-in ones) get no row. Independent of the application's classes, which change
 * after a migration is written.
 */
public class V6__Fill_policy_group_references extends BaseJavaMigration {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    Set<String> storedGroups = new HashSet<>();
    Map<String, String> groupLimits = new LinkedHashMap<>();
    try (Statement statement = connection.createStatement()) {
      try (ResultSet rows = statement.executeQuery("SELECT id FROM country_group")) {
        while (rows.next()) {
          storedGroups.add(rows.getString(1));
        }
      }
      try (ResultSet rows =
          statement.executeQuery(
              "SELECT id, group_limits FROM sourcing_policy WHERE group_limits IS NOT NULL")) {
        while (rows.next()) {
          groupLimits.put(rows.getString(1), rows.getString(2));
        }
      }
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO sourcing_policy_group (policy_id, group_id) VALUES (?, ?)")) {
      for (Map.Entry<String, String> policy : groupLimits.entrySet()) {
        Set<String> named = new HashSet<>();
        for (JsonNode limit : JSON.readTree(policy.getValue())) {
          String group = limit.path("group").asText(null);
          if (group != null && storedGroups.contains(group) && named.add(group)) {
            insert.setString(1, policy.getKey());
            insert.setString(2, group);
            insert.addBatch();
          }
        }
      }
      insert.executeBatch();
    }
  }
}
