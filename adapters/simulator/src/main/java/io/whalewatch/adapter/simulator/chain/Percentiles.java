package io.whalewatch.adapter.simulator.chain;

import java.util.Arrays;

/** Fee-rate percentiles as mempool reports them (feeRange: min, 10, 25, 50, 75, 90, max). */
public final class Percentiles {
    private static final double[] POINTS = {0, 10, 25, 50, 75, 90, 100};

    private Percentiles() {
    }

    /** Seven percentiles of the rates; all zero when empty. */
    public static double[] feeRange(double[] rates) {
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        double[] out = new double[POINTS.length];
        for (int i = 0; i < POINTS.length && sorted.length > 0; i++) {
            out[i] = sorted[(int) Math.min(sorted.length - 1, Math.floor(POINTS[i] / 100 * sorted.length))];
        }
        return out;
    }

    public static double median(double[] rates) {
        return feeRange(rates)[3];
    }
}
