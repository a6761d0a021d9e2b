package io.whalewatch.adapter.web.api;

import io.whalewatch.application.port.in.GetPipelineStatsUseCase;
import io.whalewatch.application.port.in.GetPipelineStatsUseCase.LatencySnapshot;
import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.List;
import java.util.function.Function;

/**
 * Exports one of the pipeline's own latency histograms as a real Prometheus histogram: the
 * detection latency ({@code whalewatch_detection_latency_seconds_bucket/_sum/_count}) or its parts
 * ({@code whalewatch_detection_stage_seconds{stage="until_detection|detection|durable|publication"}}).
 * The application already counts observations into fixed cumulative buckets; re-recording them into
 * a Micrometer Timer would need the raw samples, and gauges per bucket would lose the histogram type
 * that {@code histogram_quantile()} needs. So this collector converts the cumulative snapshots into
 * per-bucket counts at scrape time.
 */
final class LatencyHistogramCollector implements Collector {
    static final String NAME = "whalewatch_detection_latency_seconds";
    static final String STAGES_NAME = "whalewatch_detection_stage_seconds";
    private final GetPipelineStatsUseCase stats;
    private final String name;
    private final String help;
    private final Function<GetPipelineStatsUseCase.PipelineStats, List<HistogramDataPointSnapshot>> points;

    private LatencyHistogramCollector(GetPipelineStatsUseCase stats, String name, String help,
            Function<GetPipelineStatsUseCase.PipelineStats, List<HistogramDataPointSnapshot>> points) {
        this.stats = stats;
        this.name = name;
        this.help = help;
        this.points = points;
    }

    /** Frame receipt to alert handed to the publishers. */
    static LatencyHistogramCollector detectionLatency(GetPipelineStatsUseCase stats) {
        return new LatencyHistogramCollector(stats, NAME, "Time from a frame's receipt to its whale alert being handed to the publishers",
                s -> List.of(point(s.detectionLatency(), Labels.EMPTY)));
    }

    /** The same for frames with whales, split into the pipeline's stages (one series per stage). */
    static LatencyHistogramCollector detectionStages(GetPipelineStatsUseCase stats) {
        return new LatencyHistogramCollector(stats, STAGES_NAME,
                "Parts of the detection latency of frames with whales: until_detection (queue and parse), detection, "
                        + "durable (journal sync), publication",
                s -> s.detectionStages().stream()
                        .map(st -> point(st.latency(), Labels.of("stage", st.stage().label()))).toList());
    }

    @Override
    public MetricSnapshot collect() {
        HistogramSnapshot.Builder builder = HistogramSnapshot.builder().name(name).help(help);
        points.apply(stats.stats()).forEach(builder::dataPoint);
        return builder.build();
    }

    private static HistogramDataPointSnapshot point(LatencySnapshot s, Labels labels) {
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
        return HistogramDataPointSnapshot.builder().labels(labels)
                .classicHistogramBuckets(ClassicHistogramBuckets.of(upper, counts)).sum(s.sumSeconds()).build();
    }

    @Override
    public String getPrometheusName() {
        return name;
    }
}
