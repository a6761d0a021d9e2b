package io.whalewatch.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scale-out end to end: the detector ({@code serve}) publishes to a real redis-server, and an edge
 * node ({@code edge --redis}) in its own process serves WebSocket clients from the Redis stream
 * alone — the same alerts, in order, and {@code resume_from} answered from the stream.
 */
class EdgeEndToEndIT {
    @TempDir
    Path dir;

    @Test
    void anEdgeNodeServesTheDetectorsAlertsFromRedisAndResumesFromTheStream() throws Exception {
        int upstream = E2e.freePort();
        try (LocalRedis redis = LocalRedis.start(dir);
                JarProcess sim = JarProcess.start(dir, Map.of("SIM_TX_RATE", "20", "SIM_WHALE_SHARE", "0.05",
                        "SIM_BLOCK_INTERVAL_SECONDS", "4"), "simulate", "--port", String.valueOf(upstream), "--seed", "5")) {
            sim.awaitStdout("(simulator listening)", Duration.ofSeconds(60));
            Path detectorPorts = dir.resolve("detector.json");
            try (JarProcess serve = JarProcess.start(dir, Map.of("JWT_SECRET_KEY", E2e.SECRET, "BROADCASTER_PORT", "0",
                    "API_PORT", "0", "WEB_PORTS_FILE", detectorPorts.toString(), "DB_PATH", dir.resolve("d.db").toString(),
                    "WHALEWATCH_PUBLISHERS", "websocket,redis", "REDIS_URL", redis.url()),
                    "serve", "--mempool-url", "ws://127.0.0.1:" + upstream + "/api/v1/ws")) {
                E2e.awaitPorts(detectorPorts, serve);
                Path edgePorts = dir.resolve("edge.json");
                try (JarProcess edge = JarProcess.start(dir, Map.of("JWT_SECRET_KEY", E2e.SECRET, "BROADCASTER_PORT", "0",
                        "API_PORT", "0", "WEB_PORTS_FILE", edgePorts.toString()), "edge", "--redis", redis.url())) {
                    JsonNode bound = E2e.awaitPorts(edgePorts, edge);
                    int wsPort = bound.get("broadcaster_port").asInt();
                    String token = token();
                    List<Long> first = new ArrayList<>();
                    try (AlertClient client = AlertClient.connect(wsPort, token)) {
                        client.next("welcome", Duration.ofSeconds(15));
                        for (int i = 0; i < 4; i++) {
                            JsonNode alert = client.next("whale_alert", Duration.ofSeconds(40)).path("data");
                            assertThat(alert.path("transaction_id").asText()).matches("[0-9a-f]{64}");
                            first.add(alert.path("alert_id").asLong());
                        }
                    }
                    assertThat(first).isSorted().doesNotHaveDuplicates();
                    // reconnect asking for everything after the first alert: replayed from the stream, then live
                    try (AlertClient again = AlertClient.connectResuming(wsPort, token, first.get(0))) {
                        again.next("welcome", Duration.ofSeconds(15));
                        List<Long> resumed = new ArrayList<>();
                        for (int i = 0; i < 4; i++) {
                            resumed.add(again.next("whale_alert", Duration.ofSeconds(40)).path("data").path("alert_id").asLong());
                        }
                        assertThat(resumed).isSorted().doesNotHaveDuplicates();
                        assertThat(resumed.subList(0, 3)).containsExactlyElementsOf(first.subList(1, 4));
                    }
                    HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                            "http://127.0.0.1:" + bound.get("api_port").asInt() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
                    assertThat(health.body()).contains("edge");
                }
            }
        }
    }

    private String token() throws Exception {
        try (JarProcess cli = JarProcess.start(dir, Map.of("JWT_SECRET_KEY", E2e.SECRET), "token", "create", "edge-client",
                "--permissions", "read")) {
            assertThat(cli.awaitExit(Duration.ofSeconds(60))).as(cli.describe()).isZero();
            return cli.stdout().trim();
        }
    }
}
