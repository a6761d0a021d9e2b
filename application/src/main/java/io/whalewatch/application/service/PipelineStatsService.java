package io.whalewatch.application.service;

import io.whalewatch.application.port.in.GetPipelineStatsUseCase;
import io.whalewatch.application.port.in.GetPipelineStatsUseCase.DetectionStage;
import io.whalewatch.application.port.in.GetPipelineStatsUseCase.StageLatency;
import io.whalewatch.application.port.in.TrackOutcomesUseCase;
import java.util.List;

/** Reads the pipeline's counters; safe from any thread. */
final class PipelineStatsService implements GetPipelineStatsUseCase {
    private final PipelineCounters counters;
    private final TrackOutcomesUseCase outcomes;

    PipelineStatsService(PipelineCounters counters, TrackOutcomesUseCase outcomes) {
        this.counters = counters;
        this.outcomes = outcomes;
    }

    @Override
    public PipelineStats stats() {
        return new PipelineStats(counters.transactions.sum(), counters.duplicates.sum(), counters.whales.sum(),
                counters.outcomes.sum(), counters.storeFailures.sum(), counters.resyncs.sum(), outcomes.trackedCount(),
                counters.detectionLatency.snapshot(), List.of(
                        new StageLatency(DetectionStage.UNTIL_DETECTION, counters.untilDetection.snapshot()),
                        new StageLatency(DetectionStage.DETECTION, counters.detection.snapshot()),
                        new StageLatency(DetectionStage.DURABLE, counters.durable.snapshot()),
                        new StageLatency(DetectionStage.PUBLICATION, counters.publication.snapshot())));
    }
}
