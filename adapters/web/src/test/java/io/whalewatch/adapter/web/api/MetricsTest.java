package io.whalewatch.adapter.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.whalewatch.adapter.web.support.FakeApiPorts;
import io.whalewatch.adapter.web.support.PromText;
import io.whalewatch.adapter.web.support.TestServer;
import io.whalewatch.adapter.web.support.WsClient;
import io.whalewatch.application.port.out.AccessTokens.Permission;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /metrics parsed by a strict text-format parser: names, types, and counters that move. */
class MetricsTest {
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    @TempDir
    Path dir;

    PromText scrape(TestServer server) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(server.api("/metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain; version=0.0.4");
        return PromText.parse(r.body());
    }

    @Test
    void exposesTheDocumentedMetricsWithTheirTypesAndTheyMove() throws Exception {
        FakeApiPorts fake = new FakeApiPorts();
        try (TestServer server = new TestServer(dir, Map.of(), fake::addTo)) {
            PromText before = scrape(server);
            Map<String, String> expected = Map.ofEntries(
                    Map.entry("whalewatch_frames_received_total", "counter"), Map.entry("whalewatch_frames_rejected_total", "counter"),
                    Map.entry("whalewatch_transactions_processed_total", "counter"), Map.entry("whalewatch_whales_detected_total", "counter"),
                    Map.entry("whalewatch_duplicate_announcements_total", "counter"), Map.entry("whalewatch_outcomes_recorded_total", "counter"),
                    Map.entry("whalewatch_store_failures_total", "counter"), Map.entry("whalewatch_resyncs_total", "counter"),
                    Map.entry("whalewatch_gaps_detected_total", "counter"), Map.entry("whalewatch_source_reconnects_total", "counter"),
                    Map.entry("whalewatch_source_connected", "gauge"), Map.entry("whalewatch_source_last_frame_age_seconds", "gauge"),
                    Map.entry("whalewatch_detection_latency_seconds", "histogram"), Map.entry("whalewatch_tracked_whales", "gauge"),
                    Map.entry("whalewatch_detection_stage_seconds", "histogram"),
                    Map.entry("whalewatch_websocket_clients", "gauge"), Map.entry("whalewatch_alerts_sent_total", "counter"),
                    Map.entry("whalewatch_websocket_slow_consumers_dropped_total", "counter"),
                    Map.entry("process_resident_memory_bytes", "gauge"), Map.entry("jvm_memory_used_bytes", "gauge"),
                    Map.entry("jvm_threads_live_threads", "gauge"), Map.entry("jvm_gc_memory_allocated_bytes_total", "counter"));
            expected.forEach((name, type) -> assertThat(before.types).as(name).containsEntry(name, type));
            assertThat(before.value("whalewatch_source_connected")).isEqualTo(1.0);
            assertThat(before.value("whalewatch_source_last_frame_age_seconds")).isBetween(1.0, 60.0);
            assertThat(before.value("process_resident_memory_bytes")).isGreaterThan(1e6);
            assertThat(before.value("whalewatch_websocket_clients", Map.of("state", "authenticated"))).isZero();

            fake.transactions.addAndGet(42);
            fake.framesReceived.addAndGet(7);
            fake.latencyCumulative = List.of(2L, 5L, 6L);
            fake.latencyCount = 8;
            fake.durableCumulative = List.of(1L, 3L, 3L);
            try (WsClient ws = WsClient.connect(server.ws("/?access_token=" + server.token(Permission.READ)))) {
                ws.next("welcome");
                PromText after = scrape(server);
                assertThat(after.value("whalewatch_transactions_processed_total")
                        - before.value("whalewatch_transactions_processed_total")).isEqualTo(42);
                assertThat(after.value("whalewatch_frames_received_total")).isEqualTo(7);
                assertThat(after.value("whalewatch_websocket_clients", Map.of("state", "authenticated"))).isEqualTo(1);
                assertThat(after.value("whalewatch_detection_latency_seconds_bucket", Map.of("le", "0.001"))).isEqualTo(2);
                assertThat(after.value("whalewatch_detection_latency_seconds_bucket", Map.of("le", "0.1"))).isEqualTo(6);
                assertThat(after.value("whalewatch_detection_latency_seconds_bucket", Map.of("le", "+Inf"))).isEqualTo(8);
                assertThat(after.value("whalewatch_detection_latency_seconds_count")).isEqualTo(8);
                assertThat(after.value("whalewatch_detection_latency_seconds_sum")).isEqualTo(0.032);
                assertThat(after.value("whalewatch_detection_stage_seconds_bucket", Map.of("stage", "durable", "le", "0.001"))).isEqualTo(1);
                assertThat(after.value("whalewatch_detection_stage_seconds_bucket", Map.of("stage", "durable", "le", "0.01"))).isEqualTo(3);
                assertThat(after.value("whalewatch_detection_stage_seconds_count", Map.of("stage", "durable"))).isEqualTo(3);
                assertThat(after.value("whalewatch_detection_stage_seconds_count", Map.of("stage", "publication"))).isZero();
                assertThat(after.value("whalewatch_detection_stage_seconds_count", Map.of("stage", "until_detection"))).isZero();
                assertThat(after.value("whalewatch_api_requests_total", Map.of("status", "200"))).isPositive();
            }
        }
    }

    @Test
    void theParserIsStrict() {
        assertThatThrownBy(() -> PromText.parse("bad-name 1\n")).hasMessageContaining("malformed");
        assertThatThrownBy(() -> PromText.parse("# TYPE x counter\nx{a=\"b} 1\n")).hasMessageContaining("malformed");
        assertThatThrownBy(() -> PromText.parse("# TYPE x counter\nx one\n")).hasMessageContaining("one");
        assertThatThrownBy(() -> PromText.parse("# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_count 1\n"))
                .hasMessageContaining("+Inf");
        assertThatThrownBy(() -> PromText.parse("# TYPE h histogram\nh 1\n")).hasMessageContaining("does not belong");
        assertThatThrownBy(() -> PromText.parse("x 1\n# TYPE x gauge\n")).hasMessageContaining("TYPE after");
        assertThat(PromText.parse("# HELP x a \\\\ help\n# TYPE x gauge\nx{a=\"q\\\"\",b=\"\"} NaN\n").samples).hasSize(1);
    }
}
