package io.whalewatch.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} against {@code simulate} in another process: alerts flow, and keep flowing after
 * the simulator process is killed (-9) and a new one starts on the same port.
 */
class ServeAgainstSimulateIT {
    @TempDir
    Path dir;

    @Test
    void serveSurvivesTheUpstreamBeingKilledAndRestarted() throws Exception {
        int upstream = E2e.freePort();
        Path ports = dir.resolve("ports.json");
        Path db = dir.resolve("serve.db");
        Map<String, String> simEnv = Map.of("SIM_TX_RATE", "20", "SIM_WHALE_SHARE", "0.05", "SIM_BLOCK_INTERVAL_SECONDS", "4");
        Set<String> alerted = new HashSet<>();
        JarProcess first = JarProcess.start(dir, simEnv, "simulate", "--port", String.valueOf(upstream), "--seed", "1");
        first.awaitStdout("(simulator listening)", Duration.ofSeconds(60));
        Map<String, String> serveEnv = Map.of("JWT_SECRET_KEY", E2e.SECRET, "BROADCASTER_PORT", "0", "API_PORT", "0",
                "WEB_PORTS_FILE", ports.toString(), "DB_PATH", db.toString(),
                "MEMPOOL_RECONNECT_MIN_MS", "200", "MEMPOOL_RECONNECT_MAX_MS", "1000");
        try (JarProcess serve = JarProcess.start(dir, serveEnv, "serve", "--mempool-url", "ws://127.0.0.1:" + upstream + "/api/v1/ws")) {
            String token = token();
            JsonNode bound = E2e.awaitPorts(ports, serve);
            try (AlertClient client = AlertClient.connect(bound.get("broadcaster_port").asInt(), token)) {
                client.next("welcome", Duration.ofSeconds(10));
                JsonNode before = client.next("whale_alert", Duration.ofSeconds(30)).path("data");
                alerted.add(before.path("transaction_id").asText());

                first.kill();
                try (JarProcess second = JarProcess.start(dir, simEnv, "simulate", "--port", String.valueOf(upstream), "--seed", "2")) {
                    second.awaitStdout("(simulator listening)", Duration.ofSeconds(60));
                    JsonNode after = client.next("whale_alert", Duration.ofSeconds(60)).path("data");
                    assertThat(after.path("alert_id").asLong()).isGreaterThan(before.path("alert_id").asLong());
                    alerted.add(after.path("transaction_id").asText());
                }
            }
            serve.stop();
            serve.awaitExit(Duration.ofSeconds(30));
        } finally {
            first.close();
        }
        assertThat(E2e.storedTxids(db)).containsAll(alerted);
    }

    private String token() throws Exception {
        try (JarProcess cli = JarProcess.start(dir, Map.of("JWT_SECRET_KEY", E2e.SECRET), "token", "create", "e2e", "--permissions", "read")) {
            assertThat(cli.awaitExit(Duration.ofSeconds(30))).as(cli.describe()).isZero();
            return cli.stdout().trim();
        }
    }
}
