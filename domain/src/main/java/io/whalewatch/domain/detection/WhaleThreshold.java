package io.whalewatch.domain.detection;

import io.whalewatch.domain.chain.Satoshis;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The whale rule's settings.
 *
 * @param minimum    the smallest amount that makes a whale (default 100 BTC)
 * @param basis      whether the transferred amount (default) or the total output is compared
 * @param minimumUsd optionally, a USD value the amount must also reach when the BTC price is known
 *                   (an extra filter: "only whales worth at least $X"); ignored while no price is known
 */
public record WhaleThreshold(Satoshis minimum, AmountBasis basis, OptionalDouble minimumUsd) {
    /** Which amount the threshold applies to. */
    public enum AmountBasis { TRANSFERRED, TOTAL }

    public WhaleThreshold {
        Objects.requireNonNull(minimum, "minimum");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(minimumUsd, "minimumUsd");
        if (minimum.value() == 0) {
            throw new IllegalArgumentException("the whale threshold must be positive");
        }
        if (minimumUsd.isPresent() && !(minimumUsd.getAsDouble() > 0)) {
            throw new IllegalArgumentException("the USD threshold must be positive");
        }
    }

    public WhaleThreshold(Satoshis minimum, AmountBasis basis) {
        this(minimum, basis, OptionalDouble.empty());
    }

    public static WhaleThreshold ofBtc(double btc) {
        return new WhaleThreshold(Satoshis.ofBtc(btc), AmountBasis.TRANSFERRED);
    }
}
