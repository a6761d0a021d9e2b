package io.whalewatch.domain.detection;

import io.whalewatch.domain.chain.Satoshis;
import java.util.Objects;

/**
 * The whale rule's settings.
 *
 * @param minimum the smallest amount that makes a whale (default 100 BTC)
 * @param basis   whether the transferred amount (default) or the total output is compared
 */
public record WhaleThreshold(Satoshis minimum, AmountBasis basis) {
    /** Which amount the threshold applies to. */
    public enum AmountBasis { TRANSFERRED, TOTAL }

    public WhaleThreshold {
        Objects.requireNonNull(minimum, "minimum");
        Objects.requireNonNull(basis, "basis");
        if (minimum.value() == 0) {
            throw new IllegalArgumentException("the whale threshold must be positive");
        }
    }

    public static WhaleThreshold ofBtc(double btc) {
        return new WhaleThreshold(Satoshis.ofBtc(btc), AmountBasis.TRANSFERRED);
    }
}
