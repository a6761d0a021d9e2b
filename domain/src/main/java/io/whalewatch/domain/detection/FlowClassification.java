package io.whalewatch.domain.detection;

import java.util.List;
import java.util.Objects;

/**
 * The direction of a whale relative to exchanges.
 *
 * @param exchanges          names of the exchanges involved (inputs' first, then outputs')
 * @param exchangeAddresses  the addresses that matched the directory
 * @param confidence         the share of the moved value whose direction is backed by a directory
 *                           match, within [0, 1]; 0 for {@link FlowType#UNKNOWN}
 */
public record FlowClassification(FlowType type, List<String> exchanges, List<String> exchangeAddresses, double confidence) {
    public FlowClassification {
        Objects.requireNonNull(type, "type");
        exchanges = List.copyOf(exchanges);
        exchangeAddresses = List.copyOf(exchangeAddresses);
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be within [0, 1]: " + confidence);
        }
    }

    public static FlowClassification unknown() {
        return new FlowClassification(FlowType.UNKNOWN, List.of(), List.of(), 0.0);
    }
}
