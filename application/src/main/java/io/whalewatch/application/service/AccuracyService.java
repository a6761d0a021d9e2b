package io.whalewatch.application.service;

import io.whalewatch.application.port.in.GetAccuracyUseCase;
import io.whalewatch.application.port.out.OutcomeStatistics;
import io.whalewatch.domain.accuracy.AccuracyReport;
import io.whalewatch.domain.accuracy.AccuracyWindow;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/** Accuracy over the 1 h, 24 h and 7 d windows, counted by the store as of one instant. */
final class AccuracyService implements GetAccuracyUseCase {
    private final OutcomeStatistics statistics;
    private final Clock clock;
    private final int minimumSamples;

    AccuracyService(OutcomeStatistics statistics, Clock clock, int minimumSamples) {
        this.statistics = statistics;
        this.clock = clock;
        this.minimumSamples = minimumSamples;
    }

    @Override
    public List<AccuracyReport> accuracy() {
        Instant now = clock.instant();
        return Stream.of(AccuracyWindow.values())
                .map(w -> new AccuracyReport(w, statistics.countResolvedSince(now.minus(w.length())), minimumSamples))
                .toList();
    }
}
