package io.whalewatch.adapter.web.api;

import io.whalewatch.application.port.in.GetPipelineStatsUseCase;
import io.whalewatch.application.port.in.GetPipelineStatsUseCase.LatencySnapshot;
import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.List;

/**
 * Exports the pipeline's own detection-latency histogram as a real Prometheus histogram
 * ({@code whalewatch_detection_latency_seconds_bucket/_sum/_count}). The application already counts
 * observations into fixed cumulative buckets; re-recording them into a Micrometer Timer would need the
 * raw samples, and gauges per bucket would lose the histogram type that {@code histogram_quantile()}
 * needs. So this collector converts the cumulative snapshot into per-bucket counts at scrape time.
 */
final class LatencyHistogramCollector implements Collector {
    static final String NAME = "whalewatch_detection_latency_seconds";
    private final GetPipelineStatsUseCase stats;

    LatencyHistogramCollector(GetPipelineStatsUseCase stats) {
        this.stats = stats;
    }

    @Override
    public MetricSnapshot collect() {
        LatencySnapshot s = stats.stats().detectionLatency();
        List<Double> bounds = s.boundsSeconds();
        int n = bounds.size();
        double[] upper = new double[n + 1];
        long[] counts = new long[n + 1];
        long previous = 0;
        for (int i = 0; i < n; i++) {
            upper[i] = bounds.get(i);
            counts[i] = Math.max(0, s.cumulativeCounts().get(i) - previous);
            previous = Math.max(previous, s.cumulativeCounts().get(i));
        }
        upper[n] = Double.POSITIVE_INFINITY;
        counts[n] = Math.max(0, s.count() - previous);
        HistogramDataPointSnapshot point = HistogramDataPointSnapshot.builder()
                .classicHistogramBuckets(ClassicHistogramBuckets.of(upper, counts)).sum(s.sumSeconds()).build();
        return HistogramSnapshot.builder().name(NAME)
                .help("Time from a frame's receipt to its whale alert being handed to the publishers")
                .dataPoint(point).build();
    }

    @Override
    public String getPrometheusName() {
        return NAME;
    }
}
