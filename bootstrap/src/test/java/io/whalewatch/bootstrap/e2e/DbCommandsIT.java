package io.whalewatch.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code db backup} through a running {@code serve} (real processes), {@code db restore} refused while
 * the server runs and done after it stopped, {@code db check}, and the offline backup.
 */
class DbCommandsIT {
    @TempDir
    Path dir;

    @Test
    void backupWhileServingThenRestoreAndCheck() throws Exception {
        int upstream = E2e.freePort();
        Path ports = dir.resolve("ports.json");
        Path db = dir.resolve("live.db");
        Path backup = dir.resolve("backup.db");
        Set<String> alertedBeforeBackup = new HashSet<>();
        try (JarProcess sim = JarProcess.start(dir, Map.of("SIM_TX_RATE", "40", "SIM_WHALE_SHARE", "0.2"),
                "simulate", "--port", String.valueOf(upstream), "--seed", "7")) {
            sim.awaitStdout("(simulator listening)", Duration.ofSeconds(60));
            try (JarProcess serve = JarProcess.start(dir, serveEnv(ports, db), "serve", "--mempool-url", "ws://127.0.0.1:" + upstream + "/api/v1/ws")) {
                JsonNode bound = E2e.awaitPorts(ports, serve);
                String api = "http://127.0.0.1:" + bound.get("api_port").asInt();
                try (AlertClient client = AlertClient.connect(bound.get("broadcaster_port").asInt(), token())) {
                    for (int i = 0; i < 3; i++) {
                        alertedBeforeBackup.add(client.next("whale_alert", Duration.ofSeconds(60)).path("data").path("transaction_id").asText());
                    }
                }
                JarProcess online = run(Map.of("JWT_SECRET_KEY", E2e.SECRET), "db", "backup", backup.toString(), "--url", api);
                assertThat(online.stdout()).contains("backup written by the running server").contains("\"mempool_predictions\"");
                assertThat(run(Map.of(), "db", "check", backup.toString()).stdout()).contains("all checks passed");

                try (JarProcess refused = JarProcess.start(dir, Map.of("DB_PATH", db.toString()), "db", "restore", backup.toString())) {
                    assertThat(refused.awaitExit(Duration.ofSeconds(60))).as(refused.describe()).isEqualTo(2);
                    assertThat(refused.stderr()).contains(db.toString()).contains("in use by another process (PID " + serve.pid());
                }
                serve.stop();
                serve.awaitExit(Duration.ofSeconds(30)); // 143: the JVM's exit status after SIGTERM
            }
        }
        Set<String> inBackup = E2e.storedTxids(backup);
        Set<String> inLive = E2e.storedTxids(db);
        assertThat(inBackup).containsAll(alertedBeforeBackup);
        assertThat(inLive).containsAll(inBackup);

        JarProcess restore = run(Map.of("DB_PATH", db.toString()), "db", "restore", backup.toString());
        assertThat(restore.stdout()).contains("restored " + db);
        assertThat(E2e.storedTxids(db)).isEqualTo(inBackup);
        assertThat(E2e.storedTxids(dir.resolve("live.db.bak"))).isEqualTo(inLive);

        Path offline = dir.resolve("offline.db");
        JarProcess copy = run(Map.of("DB_PATH", db.toString()), "db", "backup", offline.toString(), "--url", "http://127.0.0.1:" + E2e.freePort());
        assertThat(copy.stdout()).contains("backup written directly");
        assertThat(E2e.storedTxids(offline)).isEqualTo(inBackup);
    }

    @Test
    void checkReportsAMissingTableAndRestoreRefusesABrokenBackup() throws Exception {
        Path db = dir.resolve("broken.db");
        run(Map.of(), "db", "migrate", "--db-path", db.toString());
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db); Statement st = c.createStatement()) {
            st.execute("DROP TABLE notification_outbox");
        }
        try (JarProcess check = JarProcess.start(dir, Map.of(), "db", "check", "--db-path", db.toString())) {
            assertThat(check.awaitExit(Duration.ofSeconds(60))).as(check.describe()).isEqualTo(1);
            assertThat(check.stdout()).contains("FAIL  table notification_outbox is missing").contains("some checks FAILED");
        }
        Path target = dir.resolve("target.db");
        try (JarProcess restore = JarProcess.start(dir, Map.of("DB_PATH", target.toString()), "db", "restore", db.toString())) {
            assertThat(restore.awaitExit(Duration.ofSeconds(60))).as(restore.describe()).isEqualTo(1);
            assertThat(restore.stderr()).contains("failed its check");
        }
        assertThat(Files.exists(target)).isFalse();
    }

    private JarProcess run(Map<String, String> env, String... args) throws Exception {
        try (JarProcess p = JarProcess.start(dir, env, args)) {
            assertThat(p.awaitExit(Duration.ofSeconds(90))).as(p.describe()).isZero();
            return p;
        }
    }

    private static Map<String, String> serveEnv(Path ports, Path db) {
        return Map.of("JWT_SECRET_KEY", E2e.SECRET, "BROADCASTER_PORT", "0", "API_PORT", "0",
                "WEB_PORTS_FILE", ports.toString(), "DB_PATH", db.toString());
    }

    private String token() throws Exception {
        return run(Map.of("JWT_SECRET_KEY", E2e.SECRET), "token", "create", "e2e", "--permissions", "read").stdout().trim();
    }
}
