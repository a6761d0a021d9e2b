package io.whalewatch.adapter.simulator.chain;

import java.util.List;

/**
 * Recommended fees in sat/vB, precise to 3 decimals, always fastest &gt;= halfHour &gt;= hour &gt;=
 * economy &gt;= minimum (the server enforces the same invariant).
 */
public record FeeEstimate(double fastestFee, double halfHourFee, double hourFee, double economyFee,
                          double minimumFee) {
    public FeeEstimate {
        if (!(fastestFee >= halfHourFee && halfHourFee >= hourFee && hourFee >= economyFee
                && economyFee >= minimumFee)) {
            throw new IllegalArgumentException("fees not ordered");
        }
    }

    /** From the projected blocks; an empty mempool falls back to the market level. */
    public static FeeEstimate of(List<ProjectedBlock> blocks, double marketLevel) {
        double minimum = 1.0;
        double fastest = blocks.isEmpty() ? marketLevel : Math.max(blocks.get(0).medianFee(), minimum);
        double halfHour = blocks.size() > 1 ? blocks.get(1).medianFee() : fastest * 0.9;
        double hour = blocks.size() > 2 ? blocks.get(2).medianFee() : halfHour * 0.85;
        double economy = Math.max(minimum, hour * 0.6);
        halfHour = Math.min(fastest, halfHour);
        hour = Math.min(halfHour, hour);
        economy = Math.min(hour, economy);
        return new FeeEstimate(r(fastest), r(Math.max(halfHour, minimum)), r(Math.max(hour, minimum)),
                r(Math.max(economy, minimum)), minimum);
    }

    private static double r(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
