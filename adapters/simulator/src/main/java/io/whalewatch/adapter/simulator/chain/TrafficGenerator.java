package io.whalewatch.adapter.simulator.chain;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Generates transactions: mostly small payments (1-3 inputs and outputs, mixed script types,
 * values mostly below 1 BTC) and, at the configured share, whales of 100-5000 BTC with an
 * intended exchange flow. Pure: all randomness comes from the generator passed in.
 */
public final class TrafficGenerator {
    /** Never reached by small payments, so every transaction of 100 BTC or more is a known whale. */
    private static final long SMALL_OUTPUT_CAP = 30 * 100_000_000L;
    private final TrafficProfile profile;
    private final WhaleFactory whales;

    /** One generated transaction; doomed ones pay a minimal fee and are evicted, never mined. */
    public record Generated(SimTx tx, Whale whale, boolean doomed) {
    }

    public TrafficGenerator(TrafficProfile profile, ExchangeWallets wallets) {
        this.profile = profile;
        this.whales = new WhaleFactory(wallets);
    }

    /** Poisson arrivals for a tick of the given length. */
    public int arrivals(RandomGenerator rng, double tickSeconds) {
        double mean = profile.txPerSecond() * tickSeconds;
        if (mean > 30) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * rng.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double p = rng.nextDouble();
        int k = 0;
        while (p > limit) {
            k++;
            p *= rng.nextDouble();
        }
        return k;
    }

    public Generated next(RandomGenerator rng, long firstSeen, int uid) {
        if (rng.nextDouble() < profile.whaleShare()) {
            return whale(rng, null, -1, firstSeen, uid);
        }
        boolean doomed = rng.nextDouble() < profile.evictionShare();
        double rate = doomed ? 1 + 0.2 * rng.nextDouble() : marketRate(rng, 0);
        int nIn = pick(rng, 60, 28);
        int nOut = pick(rng, 20, 65);
        List<Script> ins = new ArrayList<>();
        for (int i = 0; i < nIn; i++) {
            ins.add(RandomScripts.any(rng));
        }
        List<SimOutput> outs = new ArrayList<>();
        for (int i = 0; i < nOut; i++) {
            long v = (long) Math.exp(Math.log(2_000_000) + 1.6 * rng.nextGaussian());
            outs.add(new SimOutput(RandomScripts.any(rng), Math.max(5_460, Math.min(SMALL_OUTPUT_CAP, v))));
        }
        return new Generated(TxBuilder.build(rng, ins, outs, rate, firstSeen, uid), null, doomed);
    }

    /**
     * A whale; {@code flow} null picks one at random, {@code btc} below 0 picks 100-5000 BTC.
     */
    public Generated whale(RandomGenerator rng, String flow, double btc, long firstSeen, int uid) {
        long amount = btc > 0 ? Math.round(btc * 100_000_000L)
                : Math.round(Math.exp(Math.log(100) + rng.nextDouble() * Math.log(50)) * 100_000_000L);
        WhaleFactory.Plan plan = whales.plan(rng, flow, amount);
        SimTx tx = TxBuilder.build(rng, plan.inputs(), plan.outputs(), marketRate(rng, 0.2), firstSeen, uid);
        return new Generated(tx, plan.whale(), false);
    }

    /** A fee rate around the market level; log-normal like real fee-rate distributions. */
    public double marketRate(RandomGenerator rng, double premium) {
        return Math.max(1.0, profile.feeLevel() * Math.exp(premium + 0.55 * rng.nextGaussian()));
    }

    private static int pick(RandomGenerator rng, int oneWeight, int twoWeight) {
        int r = rng.nextInt(100);
        return r < oneWeight ? 1 : r < oneWeight + twoWeight ? 2 : 3;
    }
}
