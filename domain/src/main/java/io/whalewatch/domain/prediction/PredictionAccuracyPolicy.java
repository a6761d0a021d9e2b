package io.whalewatch.domain.prediction;

/**
 * Whether a prediction came true: it (or its replacement) confirmed no later than the
 * predicted height plus a tolerance (default one block). Dropped transactions are inaccurate.
 */
public final class PredictionAccuracyPolicy {
    public static final int DEFAULT_TOLERANCE_BLOCKS = 1;
    private final int toleranceBlocks;

    public PredictionAccuracyPolicy(int toleranceBlocks) {
        if (toleranceBlocks < 0) {
            throw new IllegalArgumentException("tolerance must not be negative");
        }
        this.toleranceBlocks = toleranceBlocks;
    }

    public PredictionAccuracyPolicy() {
        this(DEFAULT_TOLERANCE_BLOCKS);
    }

    public boolean isAccurate(int predictedHeight, int confirmedHeight) {
        return confirmedHeight <= predictedHeight + toleranceBlocks;
    }
}
