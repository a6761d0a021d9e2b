package io.whalewatch.domain.fee;

/**
 * Scores fee urgency.
 *
 * <p>With recommended fees known, the score is relative to the live market: the rate is placed on
 * a piecewise-linear scale through the market's anchors (minimum 0.10, economy 0.25, hour 0.50,
 * half hour 0.70, fastest 0.85, twice fastest 1.0). A rate that pays the fastest fee in a quiet
 * market is urgent; the same rate in a congested one is not.
 *
 * <p>With projected mempool blocks known, the rate is also placed among them: reaching the next block's
 * lowest included rate ({@code feeRange[0]}) scores 0.70, rising to 1.0 at twice that block's median; reaching
 * only block {@code i} (i &ge; 1) scores 0.70 &times; 0.6<sup>i</sup>, interpolated towards the block above; below every
 * projected block scores at most 0.05. When both recommended fees and projected blocks are known the score is
 * their mean, so a market whose recommendations lag the projected blocks still moves the score.
 *
 * <p>Without market data it falls back to an absolute curve, linear between these points:
 * 0 sat/vB = 0, 10 = 0.30, 50 = 0.70, 150 = 1.0 (and 1.0 above). So 5 sat/vB scores 0.15 (&lt; 0.3),
 * 25 scores 0.45 (within [0.3, 0.7]), 100 scores 0.85 (&gt; 0.8) and 1000 scores exactly 1.0.
 */
public final class FeeUrgencyPolicy {
    private static final double[] FALLBACK_RATES = {0, 10, 50, 150};
    private static final double[] FALLBACK_SCORES = {0, 0.30, 0.70, 1.0};
    private static final double[] MARKET_SCORES = {0, 0.10, 0.25, 0.50, 0.70, 0.85, 1.0};

    /** Scores a fee rate against what is known of the market. */
    public UrgencyScore score(FeeRate rate, FeeMarket market) {
        double r = rate.satPerVbyte();
        boolean hasBlocks = !market.projectedBlocks().isEmpty();
        if (market.recommended().isEmpty()) {
            return hasBlocks ? UrgencyScore.of(blocksScore(r, market.projectedBlocks())) : fallbackScore(r);
        }
        double recommended = marketScore(r, market.recommended().get()).value();
        return hasBlocks ? UrgencyScore.of((recommended + blocksScore(r, market.projectedBlocks())) / 2) : UrgencyScore.of(recommended);
    }

    /** Where the rate falls among the projected blocks (see the class comment). */
    double blocksScore(double rate, java.util.List<ProjectedBlock> blocks) {
        ProjectedBlock next = blocks.get(0);
        if (rate >= next.minimumFee()) {
            double top = Math.max(2 * next.medianFee(), next.minimumFee() + 1e-3);
            return 0.70 + 0.30 * Math.min(1.0, (rate - next.minimumFee()) / (top - next.minimumFee()));
        }
        for (int i = 1; i < blocks.size(); i++) {
            double floor = blocks.get(i).minimumFee();
            if (rate >= floor) {
                double low = 0.70 * Math.pow(0.6, i);
                double high = 0.70 * Math.pow(0.6, i - 1);
                double ceiling = Math.max(blocks.get(i - 1).minimumFee(), floor + 1e-3);
                return low + (high - low) * Math.min(1.0, (rate - floor) / (ceiling - floor));
            }
        }
        double lowest = Math.max(blocks.get(blocks.size() - 1).minimumFee(), 1e-3);
        return 0.05 * Math.min(1.0, rate / lowest);
    }

    /** The absolute curve used when no market data has arrived. */
    public UrgencyScore fallbackScore(double satPerVbyte) {
        return UrgencyScore.of(interpolate(satPerVbyte, FALLBACK_RATES, FALLBACK_SCORES));
    }

    private UrgencyScore marketScore(double rate, RecommendedFees fees) {
        double[] anchors = strictlyIncreasing(new double[] {
            0, fees.minimum(), fees.economy(), fees.hour(), fees.halfHour(), fees.fastest(), 2 * fees.fastest()});
        return UrgencyScore.of(interpolate(rate, anchors, MARKET_SCORES));
    }

    /** Recommended fees are often equal (1,1,1,1,1 in a quiet market); nudge them apart so the scale stays monotonic. */
    private static double[] strictlyIncreasing(double[] anchors) {
        for (int i = 1; i < anchors.length; i++) {
            anchors[i] = Math.max(anchors[i], anchors[i - 1] + 1e-3);
        }
        return anchors;
    }

    private static double interpolate(double x, double[] xs, double[] ys) {
        if (x <= xs[0]) {
            return ys[0];
        }
        for (int i = 1; i < xs.length; i++) {
            if (x <= xs[i]) {
                double t = (x - xs[i - 1]) / (xs[i] - xs[i - 1]);
                return ys[i - 1] + t * (ys[i] - ys[i - 1]);
            }
        }
        return ys[ys.length - 1];
    }
}
