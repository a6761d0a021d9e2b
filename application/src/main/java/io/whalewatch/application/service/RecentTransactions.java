package io.whalewatch.application.service;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded memory of recently seen txids, so a transaction announced twice (reorgs, lagging
 * backends, reconnects) yields one signal. Evicts the oldest entry when full. Pipeline thread only.
 */
final class RecentTransactions {
    private final Map<String, Boolean> seen;

    RecentTransactions(int capacity) {
        this.seen = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Records the txid; true when it was not seen before. */
    boolean firstSighting(String txid) {
        return seen.put(txid, Boolean.TRUE) == null;
    }

    void forget(String txid) {
        seen.remove(txid);
    }

    /** Forgets the oldest entries until at most {@code floor} remain (memory relief); returns how many went. */
    int shrinkTo(int floor) {
        int removed = 0;
        var it = seen.keySet().iterator();
        while (seen.size() > floor && it.hasNext()) {
            it.next();
            it.remove();
            removed++;
        }
        return removed;
    }

    int size() {
        return seen.size();
    }
}
