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
     * @param detectionStages  the parts of {@code detectionLatency} for frames with whales, in pipeline order
     *                         ({@link DetectionStage}); they add up to it
     */
    record PipelineStats(long transactions, long duplicates, long whales, long outcomes, long storeFailures,
            long resyncs, int tracked, LatencySnapshot detectionLatency, List<StageLatency> detectionStages) {
        public PipelineStats {
            detectionStages = List.copyOf(detectionStages);
        }
    }

    /** The parts of the detection latency, in pipeline order; {@link #label} names them in /metrics. */
    enum DetectionStage {
        /** Frame receipt to the start of detection: waiting behind earlier frames, and parsing. */
        UNTIL_DETECTION("until_detection"),
        /** Dedupe, detection and classification of the frame's transactions. */
        DETECTION("detection"),
        /** Making the frame's whales durable: the journal's synced append (or the store's write). */
        DURABLE("durable"),
        /** Handing the whales to the outcome tracker and the publishers (the first WebSocket writes included). */
        PUBLICATION("publication");

        private final String label;

        DetectionStage(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One stage's latency distribution. */
    record StageLatency(DetectionStage stage, LatencySnapshot latency) {
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
