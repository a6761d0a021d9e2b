package io.whalewatch.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/** The simulator's admin API ({@code /sim/...}) and the detector's {@code /health}, over loopback HTTP. */
final class SimAdmin {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String sim;

    SimAdmin(int simPort) {
        this.sim = "http://127.0.0.1:" + simPort;
    }

    /** {@code POST /sim/...}; fails on any non-2xx answer. */
    JsonNode post(String pathAndQuery) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(sim + pathAndQuery)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    JsonNode state() throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(sim + "/sim/state")).GET());
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

    private JsonNode send(HttpRequest.Builder b) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(b.timeout(Duration.ofSeconds(90)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new AssertionError(r.uri() + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
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
}
