package io.whalewatch.adapter.simulator;

import io.whalewatch.adapter.simulator.wire.StatsJson;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/** A random walk of the BTC price in the seven currencies mempool.space reports. */
final class Prices {
    private static final String[] CURRENCIES = {"USD", "EUR", "GBP", "CAD", "CHF", "AUD", "JPY"};
    private static final double[] PER_USD = {1, 0.92, 0.79, 1.38, 0.88, 1.52, 150};
    private final long seed;
    private double usd = 95_000;

    Prices(long seed) {
        this.seed = seed;
    }

    /** The next conversions object ({time, USD, EUR, ...}). */
    String next(long index, long now) {
        RandomGenerator rng = Rngs.of(seed, Rngs.PRICES, index);
        usd *= Math.exp(0.003 * rng.nextGaussian());
        Map<String, Long> prices = new LinkedHashMap<>();
        for (int i = 0; i < CURRENCIES.length; i++) {
            prices.put(CURRENCIES[i], Math.round(usd * PER_USD[i]));
        }
        return StatsJson.conversions(now, prices);
    }
}
