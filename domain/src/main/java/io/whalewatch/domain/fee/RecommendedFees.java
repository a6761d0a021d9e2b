package io.whalewatch.domain.fee;

/**
 * The upstream's recommended fees in sat/vB ({@code fees}: fastestFee, halfHourFee, hourFee,
 * economyFee, minimumFee). The upstream guarantees fastest >= halfHour >= hour >= economy >= minimum;
 * a set that breaks the order is rejected rather than silently mis-scoring every transaction.
 */
public record RecommendedFees(double fastest, double halfHour, double hour, double economy, double minimum) {
    public RecommendedFees {
        double[] ordered = {fastest, halfHour, hour, economy, minimum};
        for (int i = 0; i < ordered.length; i++) {
            if (!Double.isFinite(ordered[i]) || ordered[i] < 0) {
                throw new IllegalArgumentException("recommended fees must be finite and >= 0");
            }
            if (i > 0 && ordered[i] > ordered[i - 1]) {
                throw new IllegalArgumentException("recommended fees must not increase from fastest to minimum");
            }
        }
    }
}
