package io.whalewatch.domain.detection;

import java.util.Optional;

/**
 * Knows which addresses belong to which exchange. Implementations must be safe for concurrent
 * reads and fast: the detector looks up every address of every candidate transaction.
 */
@FunctionalInterface
public interface ExchangeDirectory {
    /** The exchange owning the address, if known. */
    Optional<String> exchangeOf(String address);

    /** A directory that knows no address. */
    static ExchangeDirectory empty() {
        return address -> Optional.empty();
    }
}
