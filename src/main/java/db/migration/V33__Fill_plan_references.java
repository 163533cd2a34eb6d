package db.migration;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fills allocation_plan.reference (V32) for plans stored before it, whose reference is only in
 * their answer's JSON text: parsed here, since H2 and PostgreSQL share no SQL to read JSON.
 * Independent of the application's classes, which change after a migration is written.
 */
public class V33__Fill_plan_references extends BaseJavaMigration {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    try (Statement select = connection.createStatement();
        PreparedStatement update =
            connection.prepareStatement("UPDATE allocation_plan SET reference = ? WHERE id = ?")) {
      select.setFetchSize(500);
      int pending = 0;
      // Only answers that carry a reference (a null one is written "reference":null).
      try (ResultSet rows =
          select.executeQuery(
              "SELECT id, result_json FROM allocation_plan"
                  + " WHERE result_json LIKE '%\"reference\":\"%'")) {
        while (rows.next()) {
          String reference = JSON.readTree(rows.getString(2)).path("reference").asText(null);
          if (reference != null) {
            update.setString(1, reference);
            update.setString(2, rows.getString(1));
            update.addBatch();
            if (++pending == 500) {
              update.executeBatch();
              pending = 0;
            }
          }
        }
      }
      if (pending > 0) {
        update.executeBatch();
      }
    }
  }
}
