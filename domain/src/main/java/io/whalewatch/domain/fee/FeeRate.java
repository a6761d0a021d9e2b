package io.whalewatch.domain.fee;

/** A fee rate in satoshis per virtual byte. Fractional since mempool.space sends precise rates. */
public record FeeRate(double satPerVbyte) implements Comparable<FeeRate> {
    public FeeRate {
        if (!Double.isFinite(satPerVbyte) || satPerVbyte < 0) {
            throw new IllegalArgumentException("fee rate must be a finite non-negative sat/vB: " + satPerVbyte);
        }
    }

    public static FeeRate of(double satPerVbyte) {
        return new FeeRate(satPerVbyte);
    }

    @Override
    public int compareTo(FeeRate o) {
        return Double.compare(satPerVbyte, o.satPerVbyte);
    }
}
