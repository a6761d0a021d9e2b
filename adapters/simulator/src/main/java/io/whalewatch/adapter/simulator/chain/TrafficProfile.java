package io.whalewatch.adapter.simulator.chain;

/**
 * What traffic looks like.
 *
 * @param txPerSecond   mean arrivals per second (Poisson per tick)
 * @param whaleShare    probability a new transaction is a whale (100-5000 BTC), 0..1
 * @param feeLevel      median fee rate of the market in sat/vB
 * @param evictionShare probability a new transaction pays too little and is later evicted, 0..1
 */
public record TrafficProfile(double txPerSecond, double whaleShare, double feeLevel, double evictionShare) {
    public TrafficProfile {
        if (txPerSecond < 0 || whaleShare < 0 || whaleShare > 1 || feeLevel < 1 || evictionShare < 0
                || evictionShare > 1) {
            throw new IllegalArgumentException("invalid traffic profile " + txPerSecond + "/" + whaleShare + "/"
                    + feeLevel + "/" + evictionShare);
        }
    }
}
