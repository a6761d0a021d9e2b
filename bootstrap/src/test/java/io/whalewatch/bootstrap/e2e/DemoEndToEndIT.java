package io.whalewatch.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's demo, end to end over real loopback sockets: the jar prints a token, a WebSocket
 * client authenticating with it receives whale alerts within 30 s, /health answers, and after a
 * graceful stop the alerted transactions are rows of mempool_predictions in the DuckDB file.
 */
class DemoEndToEndIT {
    @TempDir
    Path dir;

    @Test
    void demoAlertsAWebSocketClientAndStoresThePredictions() throws Exception {
        Path ports = dir.resolve("ports.json");
        Path db = dir.resolve("demo.db");
        Set<String> alerted = new HashSet<>();
        try (JarProcess demo = JarProcess.start(dir, Map.of("BROADCASTER_PORT", "0", "API_PORT", "0",
                "WEB_PORTS_FILE", ports.toString(), "DB_PATH", db.toString(),
                "SIM_TX_RATE", "20", "SIM_WHALE_SHARE", "0.05", "SIM_BLOCK_INTERVAL_SECONDS", "4"), "demo")) {
            String token = demo.awaitStdout("TOKEN=(\\S+)", Duration.ofSeconds(60));
            JsonNode bound = E2e.awaitPorts(ports, demo);
            try (AlertClient client = AlertClient.connect(bound.get("broadcaster_port").asInt(), token)) {
                JsonNode welcome = client.next("welcome", Duration.ofSeconds(10));
                assertThat(welcome.path("client_id").asText()).isEqualTo("demo");
                Set<String> exchanges = new HashSet<>();
                for (int i = 0; i < 12 && (i < 3 || exchanges.isEmpty()); i++) {
                    JsonNode alert = client.next("whale_alert", Duration.ofSeconds(30)).path("data");
                    assertThat(alert.path("btc_value").asDouble()).isGreaterThanOrEqualTo(100.0);
                    assertThat(alert.path("flow_type").asText()).isIn("inflow", "outflow", "internal", "unknown");
                    assertThat(alert.path("prediction_id").asText()).isNotBlank();
                    alert.path("exchanges").forEach(name -> exchanges.add(name.asText()));
                    alerted.add(alert.path("transaction_id").asText());
                }
                // the simulator moves coins to and from the built-in address book's exchanges: alerts name them
                assertThat(exchanges).as("exchange names in alerts").isNotEmpty().allMatch(n -> !n.isBlank());
            }
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + bound.get("api_port").asInt() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\"", "\"database\":\"connected\"", "\"gaps_detected\"", "\"missing_dates\"");
            demo.stop();
            assertThat(demo.awaitExit(Duration.ofSeconds(30))).as(demo.describe()).isIn(0, 143);
        }
        assertThat(E2e.storedTxids(db)).containsAll(alerted);
    }
}
