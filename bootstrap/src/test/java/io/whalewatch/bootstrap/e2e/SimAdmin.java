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
import java.util.ArrayList;
import java.util.List;

/** The simulator's admin API over loopback, and its ground-truth file. */
final class SimAdmin {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    SimAdmin(int port) {
        this.port = port;
    }

    /** POSTs an admin request; returns the status code and body. */
    HttpResponse<String> post(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs an admin request that must succeed; returns its JSON answer. */
    JsonNode postOk(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> r = post(pathAndQuery);
        if (r.statusCode() != 200) {
            throw new AssertionError("POST " + pathAndQuery + " -> " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
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
}
