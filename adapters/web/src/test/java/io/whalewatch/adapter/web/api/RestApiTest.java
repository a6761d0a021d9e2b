package io.whalewatch.adapter.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.whalewatch.adapter.web.support.FakeApiPorts;
import io.whalewatch.adapter.web.support.TestServer;
import io.whalewatch.application.port.out.AccessTokens.Permission;
import io.whalewatch.application.port.out.PredictionQueries.Bucket;
import io.whalewatch.application.port.out.PredictionQueries.StoredOutcome;
import io.whalewatch.domain.detection.FlowType;
import io.whalewatch.domain.detection.SignalFlag;
import io.whalewatch.testkit.Predictions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every REST endpoint over real HTTP/1.1: answers, filters, paging, auth, validation and errors. */
class RestApiTest {
    static final ObjectMapper JSON = new ObjectMapper();
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    final FakeApiPorts fake = new FakeApiPorts();
    @TempDir
    Path dir;
    TestServer server;
    String token;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer(dir, Map.of("API_RATE_LIMIT_BURST", "1000"), fake::addTo);
        token = server.tokens.issue("reader", Set.of(Permission.READ), Duration.ofHours(1));
        for (long id = 1; id <= 7; id++) {
            fake.add(Predictions.inflow(id, 100 + id), StoredOutcome.pending());
        }
        fake.add(Predictions.unknownConsolidation(8, 500), new StoredOutcome("confirmed", false, OptionalInt.of(890_007),
                OptionalInt.of(1), OptionalLong.of(600), Optional.of(Predictions.txid(99)), Optional.of(true),
                Optional.of(Instant.parse("2026-11-22T10:10:00Z"))));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    HttpResponse<String> get(String path, String bearer) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.api(path)).GET();
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode ok(String path) throws Exception {
        HttpResponse<String> r = get(path, token);
        assertThat(r.statusCode()).as(path + " -> " + r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        return JSON.readTree(r.body());
    }

    @Test
    void listReturnsPredictionsWithOutcomeNewestFirst() throws Exception {
        JsonNode body = ok("/api/predictions");
        assertThat(body.get("items")).hasSize(8);
        assertThat(body.get("next_cursor").isNull()).isTrue();
        JsonNode first = body.get("items").get(0);
        assertThat(first.get("alert_id").asLong()).isEqualTo(8);
        assertThat(first.get("flow_type").asText()).isEqualTo("unknown");
        assertThat(first.get("flags").get(0).asText()).isEqualTo("consolidation");
        assertThat(first.get("usd_value").isNull()).isTrue();
        JsonNode outcome = first.get("outcome");
        assertThat(outcome.get("status").asText()).isEqualTo("confirmed");
        assertThat(outcome.get("confirmation_block").asInt()).isEqualTo(890_007);
        assertThat(outcome.get("blocks_off").asInt()).isEqualTo(1);
        assertThat(outcome.get("time_to_confirmation").asLong()).isEqualTo(600);
        assertThat(outcome.get("replaced_by").asText()).isEqualTo(Predictions.txid(99).value());
        assertThat(outcome.get("accurate").asBoolean()).isTrue();
        assertThat(outcome.get("determined_at").asText()).isEqualTo("2026-11-22T10:10:00Z");
        JsonNode pending = body.get("items").get(1).get("outcome");
        assertThat(pending.get("status").asText()).isEqualTo("pending");
        assertThat(pending.get("accurate").isNull()).isTrue();
        assertThat(body.get("items").get(1).get("exchanges").get(0).asText()).isEqualTo("Binance");
        assertThat(body.get("items").get(1).get("usd_value").asDouble()).isPositive();
    }

    @Test
    void everyFilterReachesTheQueryParsed() throws Exception {
        ok("/api/predictions?from=2026-11-20T00:00:00Z&to=2026-11-21T00:00:00%2B01:00&flow_type=inflow,outflow"
                + "&min_btc=100&max_btc=2000.5&min_urgency=0.3&exchange=Binance,Kraken&status=pending,dropped"
                + "&flag=consolidation&limit=20");
        var c = fake.lastCriteria;
        assertThat(c.from()).contains(Instant.parse("2026-11-20T00:00:00Z"));
        assertThat(c.to()).contains(Instant.parse("2026-11-20T23:00:00Z"));
        assertThat(c.flowTypes()).containsExactlyInAnyOrder(FlowType.INFLOW, FlowType.OUTFLOW);
        assertThat(c.minBtc()).hasValue(100);
        assertThat(c.maxBtc()).hasValue(2000.5);
        assertThat(c.minUrgency()).hasValue(0.3);
        assertThat(c.exchanges()).containsExactlyInAnyOrder("Binance", "Kraken");
        assertThat(c.statuses()).containsExactlyInAnyOrder("pending", "dropped");
        assertThat(c.flags()).containsExactly(SignalFlag.CONSOLIDATION);
        assertThat(c.limit()).isEqualTo(20);
        assertThat(c.beforeAlertId()).isZero();
        JsonNode unknownOnly = ok("/api/predictions?flow_type=unknown");
        assertThat(unknownOnly.get("items")).hasSize(1);
    }

    @Test
    void cursorPagesCoverEveryPredictionOnceInOrder() throws Exception {
        List<Long> seen = new ArrayList<>();
        String path = "/api/predictions?limit=3";
        int pages = 0;
        while (path != null) {
            JsonNode body = ok(path);
            body.get("items").forEach(i -> seen.add(i.get("alert_id").asLong()));
            pages++;
            JsonNode next = body.get("next_cursor");
            assertThat(next.isNull() || !next.asText().matches(".*\\d{1,3}.*") || next.asText().length() > 3).isTrue();
            path = next.isNull() ? null : "/api/predictions?limit=3&cursor=" + next.asText();
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly(8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L);
    }

    @Test
    void oneByTxidOrPredictionIdAnd404() throws Exception {
        JsonNode byTxid = ok("/api/predictions/" + Predictions.txid(3).value());
        assertThat(byTxid.get("alert_id").asLong()).isEqualTo(3);
        assertThat(byTxid.get("outcome").get("status").asText()).isEqualTo("pending");
        String predictionId = byTxid.get("prediction_id").asText();
        assertThat(ok("/api/predictions/" + predictionId).get("alert_id").asLong()).isEqualTo(3);
        HttpResponse<String> missing = get("/api/predictions/" + Predictions.txid(42).value(), token);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(missing.body()).get("error").asText()).contains("no prediction");
        assertThat(get("/api/nothing-here", token).statusCode()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0} -> names {1}")
    @CsvSource(delimiter = '|', value = {
        "/api/predictions?limit=0|limit", "/api/predictions?limit=501|limit", "/api/predictions?limit=ten|limit",
        "/api/predictions?from=yesterday|from", "/api/predictions?min_btc=-1|min_btc", "/api/predictions?min_btc=abc|min_btc",
        "/api/predictions?min_urgency=1.5|min_urgency", "/api/predictions?flow_type=sideways|flow_type",
        "/api/predictions?status=lost|status", "/api/predictions?flag=shiny|flag", "/api/predictions?cursor=%21%21|cursor",
        "/api/predictions?cursor=djE6LTU|cursor", "/api/predictions?min_btc=10&max_btc=5|max_btc",
        "/api/predictions?from=2026-11-21T00:00:00Z&to=2026-11-20T00:00:00Z|to", "/api/predictions?min_btcc=1|min_btcc",
        "/api/predictions?limit=1&limit=2|limit", "/api/stats/flows?bucket=week|bucket", "/api/stats/volume?from=nope|from",
        "/api/stats/flows?bucket=hour&from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z|from",
        "/api/stats/accuracy?x=1|x", "/api/predictions/bad%20id|id"})
    void badParametersAre400NamingTheParameter(String path, String parameter) throws Exception {
        HttpResponse<String> r = get(path, token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).get("error").asText()).contains("'" + parameter + "'");
    }

    @Test
    void accuracyHasThreeWindowsAndThresholds() throws Exception {
        JsonNode body = ok("/api/stats/accuracy");
        JsonNode hour = body.get("windows").get(0);
        assertThat(hour.get("window").asText()).isEqualTo("1h");
        assertThat(hour.get("sufficient").asBoolean()).isFalse();
        assertThat(hour.get("accuracy").isNull()).isTrue();
        assertThat(hour.get("minimum_samples").asInt()).isEqualTo(10);
        JsonNode day = body.get("windows").get(1);
        assertThat(day.get("window").asText()).isEqualTo("24h");
        assertThat(day.get("accuracy").asDouble()).isEqualTo(0.8);
        assertThat(day.get("false_positive_rate").asDouble()).isEqualTo(0.1);
        assertThat(day.get("resolved").asLong()).isEqualTo(20);
        assertThat(body.get("windows").get(2).get("window").asText()).isEqualTo("7d");
        assertThat(body.get("thresholds").get("warning").asDouble()).isEqualTo(0.75);
        assertThat(body.get("thresholds").get("critical").asDouble()).isEqualTo(0.70);
    }

    @Test
    void flowsAndVolumeDefaultRangesAndExplicitOnes() throws Exception {
        JsonNode flows = ok("/api/stats/flows");
        assertThat(flows.get("bucket").asText()).isEqualTo("hour");
        assertThat(fake.lastRange[0]).isEqualTo(Bucket.HOUR);
        assertThat(Duration.between((Instant) fake.lastRange[1], (Instant) fake.lastRange[2])).isEqualTo(Duration.ofHours(24));
        JsonNode kraken = flows.get("series").get(1);
        assertThat(kraken.get("start").asText()).isEqualTo("2026-11-20T10:00:00Z");
        assertThat(kraken.get("exchange").asText()).isEqualTo("Kraken");
        assertThat(kraken.get("outflow_btc").asDouble()).isEqualTo(250.5);
        assertThat(kraken.get("inflow_btc").asDouble()).isZero();
        assertThat(kraken.get("count").asLong()).isEqualTo(1);

        JsonNode volume = ok("/api/stats/volume");
        assertThat(volume.get("bucket").asText()).isEqualTo("day");
        assertThat(Duration.between((Instant) fake.lastRange[1], (Instant) fake.lastRange[2])).isEqualTo(Duration.ofDays(7));
        assertThat(volume.get("series").get(0).get("alerts").asLong()).isEqualTo(7);
        assertThat(volume.get("series").get(0).get("btc").asDouble()).isEqualTo(1234.5);

        ok("/api/stats/volume?bucket=hour&from=2026-11-20T00:00:00Z&to=2026-11-21T00:00:00Z");
        assertThat(fake.lastRange).containsExactly(Bucket.HOUR, Instant.parse("2026-11-20T00:00:00Z"),
                Instant.parse("2026-11-21T00:00:00Z"));
    }

    @Test
    void statusCombinesHealthPipelineAndSource() throws Exception {
        fake.transactions.set(1234);
        fake.latencyCumulative = List.of(50L, 99L, 100L);
        fake.latencyCount = 100;
        JsonNode body = ok("/api/status");
        assertThat(body.get("health").get("status").asText()).isEqualTo("healthy");
        assertThat(body.get("pipeline").get("transactions").asLong()).isEqualTo(1234);
        assertThat(body.get("pipeline").get("tracked").asInt()).isEqualTo(3);
        assertThat(body.get("pipeline").get("detection_latency_p50_ms").asDouble()).isEqualTo(1.0);
        assertThat(body.get("pipeline").get("detection_latency_p99_ms").asDouble()).isEqualTo(10.0);
        assertThat(body.get("source").get("connected").asBoolean()).isTrue();
        assertThat(body.get("source").get("reconnects").asLong()).isEqualTo(3);
    }

    @Test
    void configNeedsNoTokenAndNamesTheWebSocket() throws Exception {
        HttpResponse<String> r = get("/api/config", null);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("websocket_url").asText()).isEqualTo("ws://127.0.0.1:" + server.wsPort + "/");
        assertThat(body.get("version").asText()).isNotBlank();
    }

    @Test
    void missingBadOrUnderprivilegedTokensAreRefused() throws Exception {
        for (String path : List.of("/api/predictions", "/api/predictions/abc", "/api/stats/accuracy", "/api/stats/flows",
                "/api/stats/volume", "/api/status")) {
            HttpResponse<String> none = get(path, null);
            assertThat(none.statusCode()).as(path).isEqualTo(401);
            assertThat(none.headers().firstValue("WWW-Authenticate")).contains("Bearer");
            assertThat(JSON.readTree(none.body()).get("error").asText()).contains("token");
            assertThat(get(path, "not.a.jwt").statusCode()).as(path).isEqualTo(401);
            assertThat(get(path, token.substring(0, token.length() - 3) + "abc").statusCode()).as(path).isEqualTo(401);
        }
        String writeOnly = server.tokens.issue("writer", Set.of(Permission.WRITE), Duration.ofHours(1));
        HttpResponse<String> forbidden = get("/api/predictions", writeOnly);
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(forbidden.body()).get("error").asText()).contains("read");
    }

    @Test
    void otherMethodsBodiesAndHugeHeadersAreRefused() throws Exception {
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(server.api("/api/predictions"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).contains("GET, HEAD");
        HttpResponse<String> big = http.send(HttpRequest.newBuilder(server.api("/api/predictions"))
                .header("Authorization", "Bearer " + token).method("GET", HttpRequest.BodyPublishers.ofString("x".repeat(70_000)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(big.statusCode()).isIn(400, 413); // Grizzly or the router refuses it; never served
        HttpResponse<String> huge = http.send(HttpRequest.newBuilder(server.api("/api/config"))
                .header("X-Padding", "y".repeat(20_000)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(huge.statusCode()).isBetween(400, 499);
        HttpResponse<String> head = http.send(HttpRequest.newBuilder(server.api("/api/config"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }

    static URI unused() {
        return null;
    }
}
