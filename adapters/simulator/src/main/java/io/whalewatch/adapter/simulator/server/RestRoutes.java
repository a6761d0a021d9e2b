package io.whalewatch.adapter.simulator.server;

import io.whalewatch.adapter.simulator.wire.TxJson;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The mempool.space/esplora REST subset: tx, tx status, tip, fees, mempool-blocks, prices. */
final class RestRoutes {
    private static final Pattern TX = Pattern.compile("/api/tx/([^/]+)(/status)?");
    private static final Pattern HEX64 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern RBF = Pattern.compile("/api/v1/tx/([^/]+)/rbf");
    private final Supplier<Snapshot> snapshot;
    private final TxIndex index;

    RestRoutes(Supplier<Snapshot> snapshot, TxIndex index) {
        this.snapshot = snapshot;
        this.index = index;
    }

    Reply get(String path) {
        Snapshot s = snapshot.get();
        Matcher tx = TX.matcher(path);
        if (tx.matches()) {
            return transaction(tx.group(1), tx.group(2) != null);
        }
        Matcher rbf = RBF.matcher(path);
        if (rbf.matches()) {
            return replacements(rbf.group(1));
        }
        return switch (path) {
            case "/api/blocks/tip/height" -> Reply.text(200, Integer.toString(s.tipHeight()));
            case "/api/blocks/tip/hash" -> Reply.text(200, s.tipHash());
            case "/api/v1/fees/recommended" -> Reply.json(s.feesRounded());
            case "/api/v1/fees/precise" -> Reply.json(s.fees());
            case "/api/v1/fees/mempool-blocks" -> Reply.json(s.mempoolBlocks());
            case "/api/v1/prices" -> Reply.json(s.conversions());
            case "/api/v1/init-data" -> Reply.json(Inbound.init(s));
            default -> Reply.text(404, "Not Found");
        };
    }

    /**
     * mempool.space's {@code {"replacements": RbfTree|null, "replaces": [...]|null}}, reduced to what the
     * simulator knows: the tree's root is the newest replacement, replacing the asked txid.
     */
    private Reply replacements(String txid) {
        if (!HEX64.matcher(txid).matches()) {
            return Reply.text(400, "Invalid hex string");
        }
        String old = txid.toLowerCase(java.util.Locale.ROOT);
        String newest = index.newestReplacement(old);
        if (newest == null) {
            return Reply.json("{\"replacements\":null,\"replaces\":null}");
        }
        return Reply.json("{\"replacements\":{\"tx\":{\"txid\":\"" + newest + "\",\"rbf\":true},\"fullRbf\":false,"
                + "\"replaces\":[{\"tx\":{\"txid\":\"" + old + "\",\"rbf\":true},\"fullRbf\":false,\"replaces\":[]}]},"
                + "\"replaces\":null}");
    }

    /** electrs semantics: unknown -> 404 for the tx, but {"confirmed":false} for its status. */
    private Reply transaction(String txid, boolean statusOnly) {
        if (!HEX64.matcher(txid).matches()) {
            return Reply.text(400, "Invalid hex string");
        }
        TxIndex.Entry e = index.find(txid.toLowerCase(java.util.Locale.ROOT));
        if (statusOnly) {
            return Reply.json(TxJson.status(e == null ? null : e.confirmation()));
        }
        return e == null ? Reply.text(404, "Transaction not found") : Reply.json(TxJson.esplora(e.tx(), e.confirmation()));
    }
}
