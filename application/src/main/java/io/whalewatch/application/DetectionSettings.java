package io.whalewatch.application;

import io.whalewatch.domain.detection.WhaleThreshold;
import java.util.Objects;

/**
 * How the pipeline detects and tracks whales.
 *
 * @param threshold           the whale rule
 * @param recentTxidCapacity  how many recently seen txids are remembered to drop duplicates
 *                            (reorgs and lagging backends re-announce transactions)
 * @param trackedCapacity     how many unresolved whales are tracked for outcomes at most
 * @param toleranceBlocks     how many blocks late a confirmation may be and still count as accurate
 */
public record DetectionSettings(WhaleThreshold threshold, int recentTxidCapacity, int trackedCapacity, int toleranceBlocks) {
    public DetectionSettings {
        Objects.requireNonNull(threshold, "threshold");
        if (recentTxidCapacity < 1_000 || trackedCapacity < 100 || toleranceBlocks < 0) {
            throw new IllegalArgumentException("capacities too small or negative tolerance");
        }
    }

    public static DetectionSettings defaults(WhaleThreshold threshold) {
        return new DetectionSettings(threshold, 200_000, 50_000, 1);
    }
}
