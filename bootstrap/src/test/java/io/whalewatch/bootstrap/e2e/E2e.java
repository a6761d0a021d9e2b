package io.whalewatch.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Shared helpers of the end-to-end tests. */
final class E2e {
    static final String SECRET = "e2e0123456789abcdef0123456789abcdef0123456789abcdef0123456789ab";

    private E2e() {
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** The ports the web adapter bound (it writes WEB_PORTS_FILE once listening). */
    static JsonNode awaitPorts(Path file, JarProcess process) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(file) && Files.size(file) > 0) {
                return new ObjectMapper().readTree(file.toFile());
            }
            Thread.sleep(100);
        }
        throw new AssertionError("web ports file never written\n" + process.describe());
    }

    /** Transaction ids stored in mempool_predictions, read through JDBC after the service released the file. */
    static Set<String> storedTxids(Path db) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT transaction_id FROM mempool_predictions")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    /** Rows of a query (column label to value), read through JDBC while no service holds the file. */
    static List<Map<String, Object>> query(Path db, String sql) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= columns; i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** A read token signed with {@link #SECRET}, from the CLI as an operator would make it. */
    static String token(Path dir) throws Exception {
        try (JarProcess cli = JarProcess.start(dir, Map.of("JWT_SECRET_KEY", SECRET), "token", "create", "e2e", "--permissions", "read")) {
            if (cli.awaitExit(Duration.ofSeconds(30)) != 0) {
                throw new AssertionError("token create failed\n" + cli.describe());
            }
            return cli.stdout().trim();
        }
    }
}
