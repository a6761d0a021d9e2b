package io.whalewatch.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Database faults at the process level: the file held by another process, a path that cannot be
 * created, and a full disk (a 4 MB tmpfs filled up while serving; the test runs as root, as CI does).
 */
class DatabaseFaultsIT {
    @TempDir
    Path dir;

    @Test
    void serveOnAFileHeldByAnotherProcessExitsWithOneLineNamingTheFileAndThePid() throws Exception {
        Path db = dir.resolve("held.db");
        try (Connection holder = DriverManager.getConnection("jdbc:duckdb:" + db);
                JarProcess serve = JarProcess.start(dir, Map.of("JWT_SECRET_KEY", E2e.SECRET, "DB_PATH", db.toString()), "serve")) {
            assertThat(serve.awaitExit(Duration.ofSeconds(60))).as(serve.describe()).isEqualTo(2);
            String err = serve.stderr();
            assertThat(err).contains("error: The database file " + db + " is in use by another process (PID "
                    + ProcessHandle.current().pid());
            assertThat(err).doesNotContain("\tat ").doesNotContain("Exception");
        }
    }

    @Test
    void aDatabasePathThatCannotBeCreatedIsReportedAtStartUp() throws Exception {
        // as root every directory is writable; a regular file where a directory must be fails for root too
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        Path db = file.resolve("sub/predictions.db");
        try (JarProcess serve = JarProcess.start(dir, Map.of("JWT_SECRET_KEY", E2e.SECRET, "DB_PATH", db.toString()), "serve")) {
            assertThat(serve.awaitExit(Duration.ofSeconds(60))).as(serve.describe()).isEqualTo(2);
            assertThat(serve.stderr()).contains("error: Cannot create the database directory " + db.getParent())
                    .contains("Not a directory").doesNotContain("\tat ");
        }
    }

    @Test
    void aFullDiskKeepsAlertsFlowingFromMemoryAndTheBufferIsWrittenOnceSpaceIsBack() throws Exception {
        Path disk = Files.createDirectories(dir.resolve("disk"));
        mount(disk);
        try {
            fullDiskScenario(disk);
        } finally {
            new ProcessBuilder("umount", "-l", disk.toString()).inheritIO().start().waitFor();
        }
    }

    private void fullDiskScenario(Path disk) throws Exception {
        int upstream = E2e.freePort();
        Path ports = dir.resolve("ports.json");
        Path db = disk.resolve("predictions.db");
        Set<String> alerted = new HashSet<>();
        try (JarProcess sim = JarProcess.start(dir, Map.of("SIM_TX_RATE", "40", "SIM_WHALE_SHARE", "0.3"),
                "simulate", "--port", String.valueOf(upstream), "--seed", "3")) {
            sim.awaitStdout("(simulator listening)", Duration.ofSeconds(60));
            Map<String, String> env = Map.of("JWT_SECRET_KEY", E2e.SECRET, "BROADCASTER_PORT", "0", "API_PORT", "0",
                    "WEB_PORTS_FILE", ports.toString(), "DB_PATH", db.toString(), "STORE_RETRY_INTERVAL_SECONDS", "1");
            try (JarProcess serve = JarProcess.start(dir, env, "serve", "--mempool-url", "ws://127.0.0.1:" + upstream + "/api/v1/ws")) {
                JsonNode bound = E2e.awaitPorts(ports, serve);
                URI health = URI.create("http://127.0.0.1:" + bound.get("api_port").asInt() + "/health");
                try (AlertClient client = AlertClient.connect(bound.get("broadcaster_port").asInt(), token())) {
                    alerted.add(client.next("whale_alert", Duration.ofSeconds(60)).path("data").path("transaction_id").asText());
                    Path filler = fill(disk);
                    for (int i = 0; i < 10; i++) { // alerts keep coming while nothing can be written
                        alerted.add(client.next("whale_alert", Duration.ofSeconds(30)).path("data").path("transaction_id").asText());
                    }
                    JsonNode failing = awaitBuffer(health, false);
                    assertThat(failing.path("status").asText()).isIn("degraded", "unhealthy");
                    Files.delete(filler);
                    awaitBuffer(health, true);
                }
                serve.stop();
                serve.awaitExit(Duration.ofSeconds(30));
                assertThat(serve.stderr()).contains("store failed; alerting from memory").contains("store recovered");
            }
        }
        assertThat(E2e.storedTxids(db)).as("every alert was stored once the disk had space again").containsAll(alerted);
    }

    /** Waits until the store_retry_buffer component is ok (empty) or not; returns the /health body. */
    private static JsonNode awaitBuffer(URI health, boolean empty) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        JsonNode body = null;
        while (System.nanoTime() < deadline) {
            String text = http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString()).body();
            body = new ObjectMapper().readTree(text);
            String state = body.path("components").path("store_retry_buffer").path("status").asText();
            if (empty == state.equals("ok")) {
                return body;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("store_retry_buffer never became " + (empty ? "empty" : "non-empty") + ": " + body);
    }

    private static void mount(Path disk) throws Exception {
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", disk.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as("mounting a tmpfs needs root (CI runs as root): " + out).isZero();
    }

    /** Writes zeros until the file system is full. */
    private static Path fill(Path disk) throws IOException {
        Path filler = disk.resolve("filler");
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            assertThat(full.getMessage()).contains("No space left");
        }
        return filler;
    }

    private String token() throws Exception {
        try (JarProcess cli = JarProcess.start(dir, Map.of("JWT_SECRET_KEY", E2e.SECRET), "token", "create", "e2e", "--permissions", "read")) {
            assertThat(cli.awaitExit(Duration.ofSeconds(30))).as(cli.describe()).isZero();
            return cli.stdout().trim();
        }
    }
}
