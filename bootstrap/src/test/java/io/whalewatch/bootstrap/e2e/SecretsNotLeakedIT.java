package io.whalewatch.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No secret (JWT_SECRET_KEY, WEBHOOK_SECRET, SMTP_PASSWORD) appears in the output of serve or demo, even at DEBUG, nor in /health. */
class SecretsNotLeakedIT {
    private static final String WEBHOOK_SECRET = "whsec-7f3a9c1e5b2d4f6a8c0e";
    private static final String SMTP_PASSWORD = "smtp-pw-Qx8Zr2Lm9Vt4";
    private static final List<String> SECRETS = List.of(E2e.SECRET, WEBHOOK_SECRET, SMTP_PASSWORD);
    @TempDir
    Path dir;

    @Test
    void serveAtDebugLevelPrintsNoSecret() throws Exception {
        int upstream = E2e.freePort();
        try (JarProcess sim = JarProcess.start(dir, Map.of("SIM_TX_RATE", "20", "SIM_WHALE_SHARE", "0.2"),
                "simulate", "--port", String.valueOf(upstream))) {
            sim.awaitStdout("(simulator listening)", Duration.ofSeconds(60));
            Map<String, String> env = env();
            env.put("JWT_SECRET_KEY", E2e.SECRET);
            runAndCheck(env, "serve", "--mempool-url", "ws://127.0.0.1:" + upstream + "/api/v1/ws");
        }
    }

    @Test
    void demoPrintsATokenButNoSecret() throws Exception {
        Map<String, String> env = env();
        env.put("JWT_SECRET_KEY", E2e.SECRET); // an explicit secret: the demo must not echo it
        runAndCheck(env, "demo");
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>(Map.of("BROADCASTER_PORT", "0", "API_PORT", "0",
                "WEB_PORTS_FILE", dir.resolve("ports.json").toString(), "DB_PATH", dir.resolve("s.db").toString(),
                "LOG_LEVEL", "DEBUG", "WEBHOOK_SECRET", WEBHOOK_SECRET, "SMTP_PASSWORD", SMTP_PASSWORD,
                "WEBHOOK_ENABLED", "true", "WEBHOOK_URL", "http://127.0.0.1:" + 9 + "/hook"));
        env.put("SMTP_SERVER", "127.0.0.1");
        env.put("SMTP_PORT", "9");
        env.put("SMTP_USERNAME", "whalewatch");
        env.put("ALERT_EMAIL_TO", "ops@example.com");
        return env;
    }

    private void runAndCheck(Map<String, String> env, String... args) throws Exception {
        String health;
        try (JarProcess p = JarProcess.start(dir, env, args)) {
            JsonNode bound = E2e.awaitPorts(dir.resolve("ports.json"), p);
            URI uri = URI.create("http://127.0.0.1:" + bound.get("api_port").asInt() + "/health");
            Thread.sleep(5_000); // some frames, alerts and notification attempts get logged
            health = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
            p.stop();
            p.awaitExit(Duration.ofSeconds(30));
            String output = p.stdout() + p.stderr();
            assertThat(output).as("the run logged at DEBUG").contains("DEBUG");
            assertThat(health).contains("\"status\"");
            for (String secret : SECRETS) {
                assertThat(output).as("output of " + args[0]).doesNotContain(secret);
                assertThat(health).doesNotContain(secret);
            }
        }
    }
}
