package io.whalewatch.adapter.web.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.whalewatch.adapter.web.alert.AlertFields;
import io.whalewatch.application.port.in.GetFlowStatisticsUseCase;
import io.whalewatch.application.port.out.PredictionQueries.Bucket;
import io.whalewatch.domain.accuracy.AccuracyReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/** {@code GET /api/stats/accuracy}, {@code /api/stats/flows} and {@code /api/stats/volume}. */
final class StatsResource {
    private static final Set<String> RANGE = Set.of("bucket", "from", "to");
    private final ApiPorts ports;
    private final Clock clock;

    StatsResource(ApiPorts ports, Clock clock) {
        this.ports = ports;
        this.clock = clock;
    }

    ApiResponse accuracy(ApiRequest r) {
        r.allowOnly(Set.of());
        ObjectNode body = ApiResponse.JSON.createObjectNode();
        ArrayNode windows = body.putArray("windows");
        for (AccuracyReport report : ApiPorts.required(ports.accuracy(), "accuracy").accuracy()) {
            ObjectNode w = windows.addObject();
            w.put("window", report.window().label());
            w.put("resolved", report.counts().resolved());
            w.put("accurate", report.counts().accurate());
            w.put("dropped", report.counts().dropped());
            putRate(w, "accuracy", report.accuracy());
            putRate(w, "false_positive_rate", report.falsePositiveRate());
            w.put("sufficient", report.sufficient());
            w.put("minimum_samples", report.minimumSamples());
        }
        ObjectNode thresholds = body.putObject("thresholds");
        thresholds.put("warning", ports.thresholds().warning());
        thresholds.put("critical", ports.thresholds().critical());
        return ApiResponse.json(body);
    }

    private static void putRate(ObjectNode node, String name, java.util.OptionalDouble rate) {
        if (rate.isPresent()) {
            node.put(name, rate.getAsDouble());
        } else {
            node.putNull(name);
        }
    }

    ApiResponse flows(ApiRequest r) {
        Range range = range(r, "hour", Duration.ofHours(24));
        ObjectNode body = ApiResponse.JSON.createObjectNode();
        body.put("bucket", range.bucket().wireName());
        ArrayNode series = body.putArray("series");
        flowStats().flows(range.bucket(), range.from(), range.to()).forEach(f -> {
            ObjectNode row = series.addObject();
            row.put("start", AlertFields.iso(f.start()));
            row.put("exchange", f.exchange());
            row.put("inflow_btc", f.inflowBtc());
            row.put("outflow_btc", f.outflowBtc());
            row.put("internal_btc", f.internalBtc());
            row.put("count", f.count());
        });
        return ApiResponse.json(body);
    }

    ApiResponse volume(ApiRequest r) {
        Range range = range(r, "day", Duration.ofDays(7));
        ObjectNode body = ApiResponse.JSON.createObjectNode();
        body.put("bucket", range.bucket().wireName());
        ArrayNode series = body.putArray("series");
        flowStats().volume(range.bucket(), range.from(), range.to()).forEach(v -> {
            ObjectNode row = series.addObject();
            row.put("start", AlertFields.iso(v.start()));
            row.put("alerts", v.alerts());
            row.put("btc", v.btc());
        });
        return ApiResponse.json(body);
    }

    private GetFlowStatisticsUseCase flowStats() {
        return ApiPorts.required(ports.flows(), "flow statistics");
    }

    /** Defaults: up to now, {@code span} back; a range the use case refuses is a 400 on {@code from}. */
    private Range range(ApiRequest r, String defaultBucket, Duration span) {
        r.allowOnly(RANGE);
        Bucket bucket = Bucket.valueOf(Params.choice(r, "bucket", defaultBucket, Set.of("hour", "day"))
                .toUpperCase(java.util.Locale.ROOT));
        Instant to = Params.instant(r, "to").orElseGet(() -> clock.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1));
        Instant from = Params.instant(r, "from").orElse(to.minus(span));
        if (!from.isBefore(to)) {
            throw ApiException.badParameter("from", "must be before 'to'");
        }
        if (Duration.between(from, to).compareTo(GetFlowStatisticsUseCase.width(bucket)
                .multipliedBy(GetFlowStatisticsUseCase.MAX_BUCKETS)) > 0) {
            throw ApiException.badParameter("from", "the range spans more than " + GetFlowStatisticsUseCase.MAX_BUCKETS
                    + " buckets; shorten it or use bucket=day");
        }
        return new Range(bucket, from, to);
    }

    private record Range(Bucket bucket, Instant from, Instant to) {
    }
}
