package io.whalewatch.bootstrap.e2e;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/** What the detector stored, read through JDBC once it has released the DuckDB file. */
final class StoredWhales {
    /** One outcome row: status, whether provisional, confirmation height (0 when none), replacement. */
    record Outcome(String status, boolean provisional, long block, String replacedBy) {
    }

    final Map<String, Integer> rowsPerTxid = new HashMap<>();
    final Map<String, String> flowByTxid = new HashMap<>();
    final Map<String, Outcome> outcomes = new HashMap<>();

    static StoredWhales read(Path db) throws SQLException {
        StoredWhales s = new StoredWhales();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
                Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT transaction_id, flow_type FROM mempool_predictions")) {
                while (rs.next()) {
                    s.rowsPerTxid.merge(rs.getString(1), 1, Integer::sum);
                    s.flowByTxid.put(rs.getString(1), rs.getString(2));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT transaction_id, outcome_status, provisional, "
                    + "coalesce(confirmation_block, 0), replaced_by FROM prediction_outcomes")) {
                while (rs.next()) {
                    s.outcomes.put(rs.getString(1), new Outcome(rs.getString(2), rs.getBoolean(3), rs.getLong(4), rs.getString(5)));
                }
            }
        }
        return s;
    }

    Map<String, Integer> duplicates() {
        Map<String, Integer> d = new HashMap<>(rowsPerTxid);
        d.values().removeIf(n -> n < 2);
        return d;
    }
}
