package io.whalewatch.adapter.simulator;

import java.util.SplittableRandom;

/**
 * Independent random streams derived from the seed, one per (purpose, index): the same seed and
 * settings give the same transactions, whales, replacements, drops and blocks, however the
 * wall-clock timing of ticks varies.
 */
final class Rngs {
    static final long TICK = 1;
    static final long BLOCK = 2;
    static final long HISTORY = 3;
    static final long PRICES = 4;
    static final long GIANT = 5;
    static final long INJECT = 6;

    private Rngs() {
    }

    static SplittableRandom of(long seed, long stream, long index) {
        return new SplittableRandom(mix(mix(seed ^ (stream * 0x9E3779B97F4A7C15L)) + index));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
