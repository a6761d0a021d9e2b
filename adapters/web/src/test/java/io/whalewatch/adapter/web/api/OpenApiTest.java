package io.whalewatch.adapter.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.whalewatch.adapter.web.alert.AlertHub;
import io.whalewatch.adapter.web.support.FakeApiPorts;
import io.whalewatch.adapter.web.support.FakeHealth;
import io.whalewatch.application.spi.Ports;
import io.whalewatch.domain.accuracy.AccuracyThresholds;
import io.whalewatch.adapter.web.support.TestServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /openapi.json is valid JSON, OpenAPI 3.0, and documents every route the router serves. */
class OpenApiTest {
    @TempDir
    Path dir;

    @Test
    void documentIsServedWithoutTokenAndCoversEveryRoute() throws Exception {
        FakeApiPorts fake = new FakeApiPorts();
        try (TestServer server = new TestServer(dir, Map.of(), fake::addTo)) {
            HttpResponse<String> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(HttpRequest.newBuilder(server.api("/openapi.json")).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode doc = new ObjectMapper().readTree(r.body());
            assertThat(doc.get("openapi").asText()).startsWith("3.0");
            assertThat(doc.at("/components/securitySchemes/bearerAuth/scheme").asText()).isEqualTo("bearer");
            List<String> documented = new ArrayList<>();
            doc.get("paths").fieldNames().forEachRemaining(documented::add);

            List<String> served = new ArrayList<>(routes());
            served.add("/health"); // served by the health handler
            assertThat(documented).containsExactlyInAnyOrderElementsOf(served);
            for (String path : documented) {
                JsonNode get = doc.get("paths").get(path).get("get");
                assertThat(get).as(path).isNotNull();
                assertThat(get.get("responses").has("200")).as(path).isTrue();
            }
            for (String path : List.of("/api/predictions", "/api/status", "/api/stats/flows")) {
                JsonNode responses = doc.get("paths").get(path).get("get").get("responses");
                assertThat(responses.fieldNames()).toIterable().contains("400", "401", "403", "429", "500", "503");
            }
            List<String> listParams = new ArrayList<>();
            doc.at("/paths/~1api~1predictions/get/parameters").forEach(p -> listParams.add(p.get("name").asText()));
            assertThat(listParams).containsExactlyInAnyOrderElementsOf(PredictionsResource.PARAMS);
        }
    }

    static List<String> routes() {
        try (Api api = new Api(new ApiSettings(60, 10, 8192, 1024, Optional.empty()), ApiPorts.of(new FakeApiPorts().addTo(Ports.none()),
                new FakeHealth(), null, AccuracyThresholds.defaults(), () -> new AlertHub.Stats(0, 0, 0, 0, 0, 0), () -> 1, "test"), Clock.systemUTC())) {
            return api.routePatterns();
        }
    }
}
