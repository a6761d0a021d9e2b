package io.whalewatch.adapter.web.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.whalewatch.adapter.web.alert.AlertFields;
import io.whalewatch.adapter.web.http.HealthHandler;
import io.whalewatch.application.port.in.GetPipelineStatsUseCase.LatencySnapshot;
import io.whalewatch.application.port.in.GetPipelineStatsUseCase.PipelineStats;
import io.whalewatch.application.port.out.SourceStatus;
import java.util.Set;

/** {@code GET /api/status}, {@code GET /api/config}: the dashboard's header and bootstrap data. */
final class StatusResource {
    private final ApiPorts ports;
    private final java.util.Optional<String> publicWsUrl;

    StatusResource(ApiPorts ports, java.util.Optional<String> publicWsUrl) {
        this.ports = ports;
        this.publicWsUrl = publicWsUrl;
    }

    ApiResponse status(ApiRequest r) {
        r.allowOnly(Set.of());
        ObjectNode body = ApiResponse.JSON.createObjectNode();
        body.set("health", HealthHandler.body(ports.health().health()));
        ObjectNode pipeline = body.putObject("pipeline");
        ports.pipeline().ifPresent(p -> pipeline(pipeline, p.stats()));
        ObjectNode source = body.putObject("source");
        ports.source().ifPresent(s -> source(source, s.status()));
        return ApiResponse.json(body);
    }

    private static void pipeline(ObjectNode node, PipelineStats s) {
        node.put("transactions", s.transactions());
        node.put("whales", s.whales());
        node.put("duplicates", s.duplicates());
        node.put("tracked", s.tracked());
        putMillis(node, "detection_latency_p50_ms", Quantiles.of(s.detectionLatency(), 0.50));
        putMillis(node, "detection_latency_p99_ms", Quantiles.of(s.detectionLatency(), 0.99));
    }

    private static void putMillis(ObjectNode node, String name, double seconds) {
        if (Double.isNaN(seconds)) {
            node.putNull(name);
        } else {
            node.put(name, Math.round(seconds * 1e6) / 1e3);
        }
    }

    private static void source(ObjectNode node, SourceStatus s) {
        node.put("connected", s.connected());
        node.put("upstream", s.upstream());
        node.put("last_frame_at", s.lastFrameAt().map(AlertFields::iso).orElse(null));
        node.put("frames_received", s.framesReceived());
        node.put("frames_rejected", s.framesRejected());
        node.put("transactions_seen", s.transactionsSeen());
        node.put("gaps_detected", s.gapsDetected());
        node.put("reconnects", s.reconnects());
    }

    ApiResponse config(ApiRequest r) {
        r.allowOnly(Set.of());
        ObjectNode body = ApiResponse.JSON.createObjectNode();
        body.put("websocket_url", publicWsUrl.orElseGet(() -> "ws://" + hostName(r.host()) + ":"
                + ports.broadcasterPort().getAsInt() + "/"));
        body.put("version", ports.version());
        return ApiResponse.json(body);
    }

    /** The host the browser used (without its port), so the page connects to the same machine. */
    static String hostName(String hostHeader) {
        if (hostHeader == null || hostHeader.isBlank() || !hostHeader.matches("[A-Za-z0-9.\\-\\[\\]:]+")) {
            return "localhost";
        }
        if (hostHeader.startsWith("[")) {
            return hostHeader.substring(0, hostHeader.indexOf(']') + 1);
        }
        int colon = hostHeader.indexOf(':');
        return colon < 0 ? hostHeader : hostHeader.substring(0, colon);
    }

    /** Quantiles from cumulative buckets, linearly interpolated within a bucket as Prometheus' histogram_quantile does. */
    static final class Quantiles {
        private Quantiles() {
        }

        static double of(LatencySnapshot s, double q) {
            if (s.count() == 0) {
                return Double.NaN;
            }
            double rank = q * s.count();
            double lower = 0;
            long below = 0;
            for (int i = 0; i < s.boundsSeconds().size(); i++) {
                long cumulative = s.cumulativeCounts().get(i);
                double upper = s.boundsSeconds().get(i);
                if (cumulative >= rank && cumulative > below) {
                    return lower + (upper - lower) * (rank - below) / (cumulative - below);
                }
                lower = upper;
                below = cumulative;
            }
            return s.maxSeconds(); // beyond the last bound: the largest observation is the best estimate
        }
    }
}
