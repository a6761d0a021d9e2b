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
    private final Map<String, Entry> byTxid = new ConcurrentHashMap<>();

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
}
