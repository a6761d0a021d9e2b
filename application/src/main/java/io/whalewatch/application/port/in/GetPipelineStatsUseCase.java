package io.whalewatch.application.port.in;

import java.util.List;

/** Counters and the detection-latency distribution of the pipeline, for /metrics and the dashboard. */
public interface GetPipelineStatsUseCase {

    PipelineStats stats();

    /**
     * @param transactions all transactions announced (candidates or not)
     * @param duplicates   re-announced transactions ignored
     * @param whales       whales detected, stored and published
     * @param tracked      whales waiting for an outcome
     * @param detectionLatency frame receipt to alert handed to the publishers
     */
    record PipelineStats(long transactions, long duplicates, long whales, long outcomes, long storeFailures,
            long resyncs, int tracked, LatencySnapshot detectionLatency) {
    }

    /**
     * A latency histogram: {@code cumulativeCounts[i]} observations took at most {@code boundsSeconds[i]};
     * {@code count} is the total (the +Inf bucket).
     */
    record LatencySnapshot(List<Double> boundsSeconds, List<Long> cumulativeCounts, long count, double sumSeconds, double maxSeconds) {
        public LatencySnapshot {
            boundsSeconds = List.copyOf(boundsSeconds);
            cumulativeCounts = List.copyOf(cumulativeCounts);
        }
    }
}
