package io.whalewatch.adapter.store.duckdb;

import io.whalewatch.application.port.out.DatabaseTools.Finding;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The checks of {@code db check}, on a read-only connection: schema version (see {@link SchemaCheck}),
 * the tables the migrations create, a full scan of each (DuckDB verifies block checksums while
 * reading; it has no separate integrity pragma), and consistency queries the schema cannot enforce.
 */
final class DatabaseCheck {
    static final List<String> TABLES = List.of("mempool_predictions", "prediction_outcomes", "system_metrics", "notification_outbox");
    private static final String[][] CONSISTENCY = {
        {"outcomes without their prediction", "SELECT count(*) FROM prediction_outcomes o WHERE NOT EXISTS "
                + "(SELECT 1 FROM mempool_predictions p WHERE p.prediction_id = o.prediction_id)"},
        {"duplicate alert ids", "SELECT count(*) - count(DISTINCT alert_id) FROM mempool_predictions"},
        {"non-positive alert ids", "SELECT count(*) FROM mempool_predictions WHERE alert_id <= 0"},
        {"duplicate prediction ids", "SELECT count(*) - count(DISTINCT prediction_id) FROM mempool_predictions"},
    };

    private DatabaseCheck() {
    }

    static List<Finding> run(Connection c, SchemaCheck schema) throws SQLException {
        List<Finding> findings = new ArrayList<>(schema.findings());
        try (Statement st = c.createStatement()) {
            Set<String> present = tables(st);
            for (String t : TABLES) {
                findings.add(present.contains(t) ? scan(st, t) : new Finding(false, "table " + t + " is missing"));
            }
            if (present.contains("mempool_predictions") && present.contains("prediction_outcomes")) {
                for (String[] q : CONSISTENCY) {
                    long n = count(st, q[1]);
                    findings.add(new Finding(n == 0, q[0] + ": " + n));
                }
            }
            findings.add(new Finding(true, "size: " + databaseSize(st)));
        }
        return findings;
    }

    private static Set<String> tables(Statement st) throws SQLException {
        Set<String> names = new HashSet<>();
        try (ResultSet rs = st.executeQuery("SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    /** Reads every row (casting it to text), so a damaged block fails here rather than in production. */
    private static Finding scan(Statement st, String table) {
        try (ResultSet rs = st.executeQuery("SELECT count(*), coalesce(sum(length(CAST(t AS VARCHAR))), 0) FROM \"" + table + "\" t")) {
            rs.next();
            return new Finding(true, "table " + table + ": " + rs.getLong(1) + " rows, all readable");
        } catch (SQLException e) {
            return new Finding(false, "table " + table + " cannot be read: " + StoreFailures.firstLine(String.valueOf(e.getMessage())));
        }
    }

    private static long count(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String databaseSize(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT database_size, wal_size FROM pragma_database_size() WHERE database_name = current_database()")) {
            return rs.next() ? rs.getString(1) + " (WAL " + rs.getString(2) + ")" : "unknown";
        }
    }
}
