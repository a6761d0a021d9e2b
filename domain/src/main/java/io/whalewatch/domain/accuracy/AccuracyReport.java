package io.whalewatch.domain.accuracy;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Accuracy over one window: accuracy = accurate / resolved, false-positive rate = dropped / resolved,
 * both undefined (empty) below the minimum sample count, so that three early predictions never
 * raise an alarm.
 */
public record AccuracyReport(AccuracyWindow window, OutcomeCounts counts, int minimumSamples) {
    public AccuracyReport {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(counts, "counts");
        if (minimumSamples < 1) {
            throw new IllegalArgumentException("minimumSamples must be at least 1");
        }
    }

    public boolean sufficient() {
        return counts.resolved() >= minimumSamples;
    }

    public OptionalDouble accuracy() {
        return sufficient() ? OptionalDouble.of(counts.accurate() / (double) counts.resolved()) : OptionalDouble.empty();
    }

    public OptionalDouble falsePositiveRate() {
        return sufficient() ? OptionalDouble.of(counts.dropped() / (double) counts.resolved()) : OptionalDouble.empty();
    }
}
