package io.whalewatch.application.port.out;

import io.whalewatch.domain.detection.ExchangeDirectory;
import java.util.List;

/**
 * The exchange address book the classifier consults. Lookups are concurrent and lock-free;
 * {@link #reload} swaps in a freshly loaded book atomically.
 */
public interface AddressBook extends ExchangeDirectory {
    /** How many addresses are known. */
    int size();

    /** A sample of up to {@code max} labelled addresses (e.g. for the simulator), stable order. */
    List<LabelledAddress> sample(int max);

    /** Re-reads the configured sources; on error keeps the current book and throws. */
    void reload();

    /** An address and the exchange owning it. */
    record LabelledAddress(String address, String exchange) {
    }
}
