package io.whalewatch.adapter.simulator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evictions ordered through the admin API: the transaction leaves the mempool now (announced in
 * {@code removed}, ground truth {@code dropped}) but is kept aside, because a miner that still had it
 * may mine it later ({@code POST /sim/block?include=txid}): the "dropped, then confirmed after all"
 * case real nodes see after a mempool eviction. Engine thread only.
 */
final class AdminEvictions {
    private final Map<String, Pending> evicted = new HashMap<>();
    private final Mempool mempool;
    private final GroundTruth truth;

    AdminEvictions(Mempool mempool, GroundTruth truth) {
        this.mempool = mempool;
        this.truth = truth;
    }

    /** Evicts a pending transaction into {@code d}; false when it is not pending. */
    boolean evict(String txid, Delta d) {
        Pending p = mempool.evictNow(txid, d);
        if (p == null) {
            return false;
        }
        truth.dropped(txid, p.whale() != null);
        evicted.put(txid, p);
        return true;
    }

    /** Takes the named evicted transactions out of the aside set, for a block to mine; unknown txids fail. */
    List<Pending> take(Collection<String> txids) {
        List<Pending> taken = new ArrayList<>();
        for (String txid : txids) {
            if (!evicted.containsKey(txid)) {
                throw new IllegalArgumentException("include=" + txid + " is not an evicted transaction");
            }
        }
        txids.forEach(txid -> taken.add(evicted.remove(txid)));
        return taken;
    }
}
