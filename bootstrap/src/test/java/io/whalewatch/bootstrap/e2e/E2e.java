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
import java.util.HashSet;
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
}
