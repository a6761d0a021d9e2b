package io.whalewatch.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code simulate} (fixed seed, ground truth file) and {@code serve} against it, each in its own
 * process, with fast keepalive and reconnect settings; the admin API, /health and an alert subscriber.
 */
final class FaultRig implements AutoCloseable {
    private static final Pattern COUNTERS = Pattern.compile("frames (\\d+) \\(rejected (\\d+)\\), reconnects (\\d+)");
    /** The source's counters as /health shows them. */
    record Source(boolean connected, long frames, long rejected, long reconnects, long gaps) {
    }

    final Path truth;
    final Path db;
    final SimAdmin admin;
    final JarProcess sim;
    final JarProcess serve;
    final int apiPort;
    final AlertCollector alerts;

    FaultRig(Path dir, Map<String, String> simEnv, String simHeap, String serveHeap, Map<String, String> serveEnv) throws Exception {
        truth = dir.resolve("truth.jsonl");
        db = dir.resolve("faults.db");
        int simPort = E2e.freePort();
        Map<String, String> env = new HashMap<>(simEnv);
        env.put("SIM_GROUND_TRUTH_FILE", truth.toString());
        sim = launch(dir, env, simHeap, "simulate", "--port", String.valueOf(simPort), "--seed", "11");
        admin = new SimAdmin(simPort);
        String token = token(dir);
        sim.awaitStdout("(simulator listening)", Duration.ofSeconds(60));
        Path ports = dir.resolve("ports.json");
        Map<String, String> s = new HashMap<>(serveEnv);
        s.putAll(Map.of("JWT_SECRET_KEY", E2e.SECRET, "BROADCASTER_PORT", "0", "API_PORT", "0",
                "WEB_PORTS_FILE", ports.toString(), "DB_PATH", db.toString(), "WS_SEND_QUEUE_MAX", "20000"));
        serve = launch(dir, s, serveHeap, "serve", "--mempool-url", "ws://127.0.0.1:" + simPort + "/api/v1/ws");
        JsonNode bound = E2e.awaitPorts(ports, serve);
        apiPort = bound.get("api_port").asInt();
        alerts = new AlertCollector(bound.get("broadcaster_port").asInt(), token);
        // subscribed, not just connected: whales announced before the want message reach nobody
        admin.awaitState(st -> st.path("trackingClients").asInt() == 1, Duration.ofSeconds(30), "the detector subscribed");
    }

    /** Like {@link JarProcess#start} but with the given maximum heap. */
    static JarProcess launch(Path dir, Map<String, String> env, String heap, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(JarProcess.javaBin(), "-Xmx" + heap, "-jar",
                JarProcess.JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        return JarProcess.launch(dir, env, command, args[0]);
    }

    private static String token(Path dir) throws Exception {
        try (JarProcess cli = JarProcess.start(dir, Map.of("JWT_SECRET_KEY", E2e.SECRET), "token", "create", "faults",
                "--permissions", "read")) {
            if (cli.awaitExit(Duration.ofSeconds(60)) != 0) {
                throw new AssertionError(cli.describe());
            }
            return cli.stdout().trim();
        }
    }

    Source source() throws Exception {
        JsonNode h = admin.health(apiPort);
        String detail = h.path("components").path("source").path("detail").asText();
        Matcher m = COUNTERS.matcher(detail);
        boolean connected = detail.startsWith("connected");
        if (!m.find()) {
            return new Source(false, -1, -1, -1, h.path("gaps_detected").asLong());
        }
        return new Source(connected, Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
                Long.parseLong(m.group(3)), h.path("gaps_detected").asLong());
    }

    /** Polls /health until the source satisfies the condition. */
    Source awaitSource(java.util.function.Predicate<Source> condition, Duration timeout, String what) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Source last = source();
        while (!condition.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("source never " + what + " within " + timeout + "; last " + last + "\n" + serve.describe());
            }
            Thread.sleep(50);
            last = source();
        }
        return last;
    }

    /**
     * Ends the run at a frame boundary: right after a tick the simulator stalls for good (no frame
     * reaches any client any more, so every later whale has {@code trackers} 0). Returns the
     * ground-truth line count at that cut. The detector then drains (prevouts of the last whales
     * still come over REST) and is stopped gracefully, then the simulator. A reconnect during the
     * drain may still learn later fates over REST: {@link Fates} accepts the state at the cut or
     * the final one.
     */
    long finish(Duration drain) throws Exception {
        long lines = -1;
        while (lines < 0) {
            long seq = admin.afterTick();
            admin.postOk("/sim/faults/stall?seconds=600");
            if (admin.state().path("sequence").asLong() == seq) {
                lines = TruthLog.lineCount(truth);
            } else {
                admin.postOk("/sim/faults/clear"); // a tick slipped in: unknown whether it was delivered
            }
        }
        alerts.awaitAll(TruthLog.read(truth, lines).deliveredWhales(), drain);
        awaitPipelineIdle(Duration.ofSeconds(60)); // frames after the last whale carry outcomes only: let them through
        serve.stop();
        int code = serve.awaitExit(Duration.ofSeconds(60));
        if (code != 0 && code != 143) { // 143: the JVM's exit status after SIGTERM, once its shutdown hooks ran
            throw new AssertionError("serve did not stop cleanly\n" + serve.describe());
        }
        sim.stop();
        sim.awaitExit(Duration.ofSeconds(30));
        return lines;
    }

    /**
     * Waits until the detector's processed-transactions counter has not moved for 2 s: the simulator is
     * stalled, so the pipeline has then worked through every frame it was sent. (A fixed pause was too
     * short on a loaded machine after a 100 MB frame.)
     */
    private void awaitPipelineIdle(Duration timeout) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.URI metrics = java.net.URI.create("http://127.0.0.1:" + apiPort + "/metrics");
        long deadline = System.nanoTime() + timeout.toNanos();
        String previous = null;
        long stableSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            String body = http.send(java.net.http.HttpRequest.newBuilder(metrics).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            String processed = body.lines().filter(l -> l.startsWith("whalewatch_transactions_processed_total"))
                    .findFirst().orElse("");
            if (!processed.equals(previous)) {
                previous = processed;
                stableSince = System.nanoTime();
            } else if (System.nanoTime() - stableSince > 2_000_000_000L) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the detector's pipeline never went idle: " + previous);
    }

    @Override
    public void close() throws Exception {
        alerts.close();
        serve.close();
        sim.close();
    }
}
