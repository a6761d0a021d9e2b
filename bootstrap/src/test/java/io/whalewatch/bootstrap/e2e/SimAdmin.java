package io.whalewatch.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The simulator's admin API ({@code /sim/...}), its ground-truth file and the detector's {@code /health}, over loopback. */
final class SimAdmin {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String sim;

    SimAdmin(int simPort) {
        this.sim = "http://127.0.0.1:" + simPort;
    }

    /** POSTs an admin request; returns the status code and body, whatever they are. */
    HttpResponse<String> post(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(sim + pathAndQuery)).timeout(Duration.ofSeconds(90))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs an admin request that must succeed (2xx); returns its JSON answer. */
    JsonNode postOk(String pathAndQuery) throws IOException, InterruptedException {
        return ok(post(pathAndQuery));
    }

    JsonNode state() throws IOException, InterruptedException {
        return ok(http.send(HttpRequest.newBuilder(URI.create(sim + "/sim/state")).timeout(Duration.ofSeconds(90)).GET().build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    /** Whether the transaction is still pending: not mined, replaced nor evicted (404 for the last two). */
    boolean pending(String txid) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(sim + "/api/tx/" + txid)).timeout(Duration.ofSeconds(30)).GET().build();
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200 && !JSON.readTree(r.body()).path("status").path("confirmed").asBoolean(true);
    }

    /** {@code GET /health} of the detector (200 or 503, both with a JSON body). */
    JsonNode health(int apiPort) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort + "/health"))
                .timeout(Duration.ofSeconds(20)).GET().build();
        return JSON.readTree(http.send(req, HttpResponse.BodyHandlers.ofString()).body());
    }

    /** Polls the simulator state until the condition holds; returns that state. */
    JsonNode awaitState(Predicate<JsonNode> condition, Duration timeout, String what) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode s = state();
            if (condition.test(s)) {
                return s;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("simulator never reached: " + what + " within " + timeout + "; last " + state());
    }

    /**
     * Waits for a tick to have just been published (the sequence moves), so that a fault injected
     * now cannot race a frame in flight: the next tick is a whole tick period away.
     */
    long afterTick() throws Exception {
        long before = state().path("sequence").asLong();
        return awaitState(s -> s.path("sequence").asLong() != before, Duration.ofSeconds(20), "a new tick")
                .path("sequence").asLong();
    }

    /** The ground-truth events written so far (the simulator flushes every line). */
    static List<JsonNode> truth(Path file) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        if (!Files.exists(file)) {
            return events;
        }
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                events.add(JSON.readTree(line));
            }
        }
        return events;
    }

    private static JsonNode ok(HttpResponse<String> r) throws IOException {
        if (r.statusCode() / 100 != 2) {
            throw new AssertionError(r.uri() + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }
}
