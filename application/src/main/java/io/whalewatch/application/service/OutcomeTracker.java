package io.whalewatch.application.service;

import io.whalewatch.domain.prediction.Prediction;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The unresolved whales, by txid. Bounded: when full the oldest is dropped from memory (it stays
 * unresolved in the store and is re-checked at the next start). Pipeline thread only.
 */
final class OutcomeTracker {
    private final Map<String, Prediction> byTxid;

    OutcomeTracker(int capacity) {
        this.byTxid = new LinkedHashMap<>(256, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Prediction> eldest) {
                return size() > capacity;
            }
        };
    }

    void follow(Prediction p) {
        byTxid.put(p.txid().value(), p);
    }

    /**
     * Follows a replacement under the prediction it replaces: its confirmation resolves that
     * prediction (the chain original -> replacement is closed by whichever confirms).
     */
    void followReplacement(String replacementTxid, Prediction original) {
        byTxid.put(replacementTxid, original);
    }

    Optional<Prediction> get(String txid) {
        return Optional.ofNullable(byTxid.get(txid));
    }

    Optional<Prediction> resolve(String txid) {
        return Optional.ofNullable(byTxid.remove(txid));
    }

    Collection<Prediction> all() {
        return byTxid.values();
    }

    int size() {
        return byTxid.size();
    }
}
