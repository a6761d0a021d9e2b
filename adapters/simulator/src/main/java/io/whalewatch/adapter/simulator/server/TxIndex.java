package io.whalewatch.adapter.simulator.server;

import io.whalewatch.adapter.simulator.chain.Confirmation;
import io.whalewatch.adapter.simulator.chain.SimTx;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What REST knows about transactions: pending and mined ones (with their confirmation);
 * replaced and evicted ones are forgotten, so {@code /api/tx/:txid} answers 404 for them.
 */
public final class TxIndex {
    private static final int MAX_REPLACEMENTS = 200_000;
    private final Map<String, Entry> byTxid = new ConcurrentHashMap<>();
    private final Map<String, String> replacedBy = new ConcurrentHashMap<>();

    /** A known transaction; {@code confirmation} is null while unconfirmed. */
    public record Entry(SimTx tx, Confirmation confirmation) {
    }

    public void pending(SimTx tx) {
        byTxid.put(tx.txid(), new Entry(tx, null));
    }

    public void mined(List<SimTx> txs, Confirmation c) {
        for (SimTx tx : txs) {
            byTxid.put(tx.txid(), new Entry(tx, c));
        }
    }

    public void forget(String txid) {
        byTxid.remove(txid);
    }

    public Entry find(String txid) {
        return byTxid.get(txid);
    }

    /** Remembers an RBF replacement, for {@code /api/v1/tx/:txid/rbf} (bounded: a test tool, not an archive). */
    public void replaced(String old, String by) {
        if (replacedBy.size() >= MAX_REPLACEMENTS) {
            replacedBy.clear();
        }
        replacedBy.put(old, by);
    }

    /** The newest transaction of the replacement chain {@code txid} belongs to, or null if it was never replaced. */
    public String newestReplacement(String txid) {
        String newest = null;
        String next = replacedBy.get(txid);
        for (int hops = 0; next != null && hops < 100; hops++) {
            newest = next;
            next = replacedBy.get(next);
        }
        return newest;
    }
}
