package io.whalewatch.domain.chain;

/**
 * An amount of bitcoin in satoshis. Never negative and never more than the 21 million BTC
 * that can exist, so an absurd upstream value is rejected where it enters the domain.
 */
public record Satoshis(long value) implements Comparable<Satoshis> {
    /** Satoshis per bitcoin. */
    public static final long PER_BTC = 100_000_000L;
    /** The supply cap: 21 million BTC. */
    public static final long MAX_SUPPLY = 21_000_000L * PER_BTC;
    public static final Satoshis ZERO = new Satoshis(0);

    public Satoshis {
        if (value < 0 || value > MAX_SUPPLY) {
            throw new IllegalArgumentException("satoshi amount out of range [0, 21e14]: " + value);
        }
    }

    public static Satoshis of(long sats) {
        return new Satoshis(sats);
    }

    /** Converts a BTC amount, rounding to the nearest satoshi. */
    public static Satoshis ofBtc(double btc) {
        if (!Double.isFinite(btc)) {
            throw new IllegalArgumentException("BTC amount is not a finite number: " + btc);
        }
        return new Satoshis(Math.round(btc * PER_BTC));
    }

    public double btc() {
        return value / (double) PER_BTC;
    }

    public Satoshis plus(Satoshis other) {
        return new Satoshis(value + other.value);
    }

    public Satoshis minus(Satoshis other) {
        return new Satoshis(value - other.value);
    }

    public boolean isAtLeast(Satoshis other) {
        return value >= other.value;
    }

    @Override
    public int compareTo(Satoshis other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return value + " sat";
    }
}
