package io.whalewatch.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.whalewatch.adapter.web.support.FakeHealth;
import io.whalewatch.adapter.web.support.TestServer;
import io.whalewatch.application.port.in.GetHealthUseCase.Status;
import io.whalewatch.application.port.out.ComponentHealth;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthHttpTest {
    static final ObjectMapper JSON = new ObjectMapper();
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    @TempDir
    Path dir;
    TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer(dir, Map.of());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthyBodyIsTheGuidesPlusComponents() throws Exception {
        HttpResponse<String> r = get(server.api("/health"));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("status").asText()).isEqualTo("healthy");
        assertThat(body.get("database").asText()).isEqualTo("connected");
        assertThat(body.get("uptime_seconds").asLong()).isEqualTo(12_345);
        assertThat(body.get("started_at").asText()).isEqualTo("2026-11-19T10:00:00Z");
        assertThat(body.get("gaps_detected").asLong()).isZero();
        assertThat(body.get("missing_dates").isArray()).isTrue();
        assertThat(body.get("missing_dates")).isEmpty();
        assertThat(body.get("components").get("store").get("status").asText()).isEqualTo("ok");
        assertThat(body.get("components").get("store").get("detail").asText()).isEqualTo("ok");
        assertThat(body.fieldNames()).toIterable().containsExactly("status", "database", "uptime_seconds",
                "started_at", "gaps_detected", "missing_dates", "components");
    }

    @Test
    void degradedIs200AndUnhealthyIs503() throws Exception {
        server.health.report = FakeHealth.report(Status.DEGRADED, "connected",
                Map.of("source", ComponentHealth.degraded("reconnecting")));
        HttpResponse<String> degraded = get(server.api("/health"));
        assertThat(degraded.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(degraded.body()).get("components").get("source").get("status").asText()).isEqualTo("degraded");

        server.health.report = FakeHealth.report(Status.UNHEALTHY, "unreachable: file locked",
                Map.of("store", ComponentHealth.down("file locked")));
        HttpResponse<String> unhealthy = get(server.api("/health"));
        assertThat(unhealthy.statusCode()).isEqualTo(503);
        JsonNode body = JSON.readTree(unhealthy.body());
        assertThat(body.get("status").asText()).isEqualTo("unhealthy");
        assertThat(body.get("components").get("store").get("status").asText()).isEqualTo("down");
    }

    @Test
    void unknownPathsAndMethodsGetJsonErrorsWithoutStackTraces() throws Exception {
        HttpResponse<String> missing = get(server.api("/nope/../etc"));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(missing.body()).get("error").asText()).isEqualTo("not found");

        HttpResponse<String> post = http.send(HttpRequest.newBuilder(server.api("/health"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(JSON.readTree(post.body()).get("error").asText()).isEqualTo("method not allowed");

        server.health.report = null; // makes the handler fail with a NullPointerException
        HttpResponse<String> broken = get(server.api("/health"));
        assertThat(broken.statusCode()).isEqualTo(503);
        assertThat(broken.body()).doesNotContain("Exception").doesNotContain("at io.whalewatch");
        assertThat(JSON.readTree(broken.body()).get("status").asText()).isEqualTo("unhealthy");
    }

    @Test
    void clientsThatOfferAnH2cUpgradeStillGetTheHealthBody() throws Exception {
        // The JDK client's default (HTTP/2 preferred) sends "Upgrade: h2c"; Grizzly answers in HTTP/1.1.
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.api("/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).get("status").asText()).isEqualTo("healthy");
    }

    @Test
    void portsFileNamesBothBoundPortsAndTheyDiffer() throws Exception {
        assertThat(server.wsPort).isPositive();
        assertThat(server.apiPort).isPositive().isNotEqualTo(server.wsPort);
        assertThat(get(URI.create("http://127.0.0.1:" + server.wsPort + "/health")).statusCode()).isEqualTo(200);
    }

    @Test
    void secretsNeverAppearInTheHealthBody() throws Exception {
        assertThat(get(server.api("/health")).body()).doesNotContain(TestServer.SECRET);
        assertThat(server.publisher.health().detail()).doesNotContain(TestServer.SECRET);
    }
}
