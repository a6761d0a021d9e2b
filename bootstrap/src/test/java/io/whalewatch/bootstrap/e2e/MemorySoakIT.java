package io.whalewatch.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Soak: serve (with the systemd unit's -Xmx288m) against a fast simulator with 200 WebSocket
 * subscribers for about 45 s; the server's RSS, sampled from /proc/PID/status every second, stays
 * under MEMORY_MAX_MB (500) and alerts keep flowing to the last.
 */
class MemorySoakIT {
    private static final int CLIENTS = 200;
    private static final long MAX_MB = 500;
    @TempDir
    Path dir;

    @Test
    void rssStaysUnderTheCeilingWithManyClientsAtAHighRate() throws Exception {
        int upstream = E2e.freePort();
        Path ports = dir.resolve("ports.json");
        try (JarProcess sim = JarProcess.start(dir, Map.of("SIM_TX_RATE", "300", "SIM_WHALE_SHARE", "0.05"),
                "simulate", "--port", String.valueOf(upstream), "--seed", "11")) {
            sim.awaitStdout("(simulator listening)", Duration.ofSeconds(60));
            Map<String, String> env = Map.of("JWT_SECRET_KEY", E2e.SECRET, "BROADCASTER_PORT", "0", "API_PORT", "0",
                    "WEB_PORTS_FILE", ports.toString(), "DB_PATH", dir.resolve("soak.db").toString());
            try (JarProcess serve = JarProcess.startWithJvm(dir, env, List.of("-Xmx288m"), "serve",
                    "--mempool-url", "ws://127.0.0.1:" + upstream + "/api/v1/ws")) {
                JsonNode bound = E2e.awaitPorts(ports, serve);
                soak(serve, bound.get("broadcaster_port").asInt(), bound.get("api_port").asInt());
            }
        }
    }

    private void soak(JarProcess serve, int wsPort, int apiPort) throws Exception {
        String token = token();
        List<RawSubscriber> clients = new ArrayList<>();
        long peakKb = 0;
        try (AlertClient probe = AlertClient.connect(wsPort, token)) {
            for (int i = 0; i < CLIENTS; i++) {
                clients.add(new RawSubscriber(wsPort, token));
            }
            probe.next("whale_alert", Duration.ofSeconds(30));
            long end = System.nanoTime() + Duration.ofSeconds(45).toNanos();
            while (System.nanoTime() < end) {
                assertThat(serve.isAlive()).as(serve.describe()).isTrue();
                peakKb = Math.max(peakKb, rssKb(serve.pid()));
                Thread.sleep(1000);
            }
            probe.next("whale_alert", Duration.ofSeconds(10)); // still flowing at the end
            long starved = clients.stream().filter(c -> c.bytesReceived() < 10_000).count();
            assertThat(starved).as("subscribers that got (almost) nothing").isLessThan(CLIENTS / 10);
            JsonNode health = new ObjectMapper().readTree(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort + "/health")).build(),
                            HttpResponse.BodyHandlers.ofString()).body());
            assertThat(health.path("components").path("memory").path("status").asText()).isIn("ok", "degraded");
        } finally {
            for (RawSubscriber c : clients) {
                c.close();
            }
        }
        System.out.println("soak: peak RSS " + peakKb / 1024 + " MB with " + CLIENTS + " clients");
        assertThat(peakKb / 1024).as("peak RSS in MB").isLessThan(MAX_MB);
    }

    private static long rssKb(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new AssertionError("no VmRSS for " + pid);
    }

    private String token() throws Exception {
        try (JarProcess cli = JarProcess.start(dir, Map.of("JWT_SECRET_KEY", E2e.SECRET), "token", "create", "soak", "--permissions", "read")) {
            assertThat(cli.awaitExit(Duration.ofSeconds(30))).as(cli.describe()).isZero();
            return cli.stdout().trim();
        }
    }
}
