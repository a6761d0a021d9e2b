package io.whalewatch.adapter.mempoolspace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds transactions in the shape mempool.space streams them ({@code MempoolTransactionExtended}:
 * esplora fields plus the backend's extras) or serves them over REST (esplora only), and the
 * frames that carry them. Values are satoshis; scripts are fake but well-formed hex.
 */
final class TxJson {
    private final String txid;
    private final List<String> vin = new ArrayList<>();
    private final List<String> vout = new ArrayList<>();
    private final Map<String, String> fields = new LinkedHashMap<>();

    private TxJson(String txid) {
        this.txid = txid;
        fields.put("fee", "1200");
        fields.put("vsize", "141");
        fields.put("feePerVsize", "8.51063829787234");
        fields.put("adjustedFeePerVsize", "8.51063829787234");
        fields.put("effectiveFeePerVsize", "8.51063829787234");
        fields.put("firstSeen", "1734893382");
        fields.put("position", "{\"block\":0,\"vsize\":125270.5}");
    }

    static TxJson tx(String txid) {
        return new TxJson(txid);
    }

    /** A txid made from a number: 64 hex characters. */
    static String txid(long n) {
        return String.format("%064x", n);
    }

    TxJson input(String address, long sats) {
        vin.add(inputJson(prevout(address, sats), 4294967293L));
        return this;
    }

    /** An input as a bitcoind-backed mempool sends it: {@code "prevout": null}. */
    TxJson inputWithoutPrevout() {
        vin.add(inputJson("null", 4294967295L));
        return this;
    }

    TxJson output(String address, long sats) {
        vout.add(prevout(address, sats));
        return this;
    }

    TxJson outputWithoutAddress(long sats) {
        vout.add("{\"scriptpubkey\":\"6a0b68656c6c6f20776f726c64\",\"scriptpubkey_asm\":\"OP_RETURN OP_PUSHBYTES_11 "
                + "68656c6c6f20776f726c64\",\"scriptpubkey_type\":\"op_return\",\"value\":" + sats + "}");
        return this;
    }

    /** Adds a raw JSON output (e.g. an absurd one). */
    TxJson rawOutput(String json) {
        vout.add(json);
        return this;
    }

    /** Sets (or replaces) a top-level field with raw JSON, e.g. {@code field("fee", "-5")}. */
    TxJson field(String name, String rawJson) {
        fields.put(name, rawJson);
        return this;
    }

    TxJson without(String name) {
        fields.remove(name);
        return this;
    }

    /** The streamed shape ({@code mempool-transactions.added[]}). */
    String json() {
        StringBuilder b = esploraCore();
        b.append(",\"status\":{\"confirmed\":false},\"order\":2566269855,\"adjustedVsize\":141,\"uid\":431877,"
                + "\"inputs\":[],\"cpfpDirty\":false,\"ancestors\":[],\"descendants\":[],\"bestDescendant\":null,"
                + "\"flags\":1099511628809");
        fields.forEach((k, v) -> b.append(",\"").append(k).append("\":").append(v));
        return b.append('}').toString();
    }

    /** The REST shape ({@code GET /api/tx/:txid}): no backend extras, a status object. */
    String esploraJson(String statusJson) {
        StringBuilder b = esploraCore();
        b.append(",\"fee\":").append(fields.get("fee")).append(",\"status\":").append(statusJson);
        return b.append('}').toString();
    }

    private StringBuilder esploraCore() {
        return new StringBuilder(512).append("{\"txid\":\"").append(txid)
                .append("\",\"version\":2,\"locktime\":0,\"vin\":[").append(String.join(",", vin))
                .append("],\"vout\":[").append(String.join(",", vout))
                .append("],\"size\":222,\"weight\":564,\"sigops\":1");
    }

    private static String inputJson(String prevout, long sequence) {
        return "{\"txid\":\"b4b324e3bff7ee0a7e664e8c03df1fe3a0bd53e5685ea6b10abb5f89ba1b2ead\",\"vout\":5,"
                + "\"prevout\":" + prevout + ",\"scriptsig\":\"\",\"scriptsig_asm\":\"\",\"witness\":["
                + "\"3044022047ac2f6f4f2a\",\"02a1b2c3d4\"],\"is_coinbase\":false,\"sequence\":" + sequence + "}";
    }

    private static String prevout(String address, long sats) {
        return "{\"scriptpubkey\":\"0014fd6d15ff832c12f1ff04a5ccd5039f7227b260bd\",\"scriptpubkey_asm\":"
                + "\"OP_0 OP_PUSHBYTES_20 fd6d15ff832c12f1ff04a5ccd5039f7227b260bd\",\"scriptpubkey_type\":"
                + "\"v0_p2wpkh\",\"scriptpubkey_address\":\"" + address + "\",\"value\":" + sats + "}";
    }

    /** A {@code mempool-transactions} frame in the server's outer style ({@code ": "} separators). */
    static String deltaFrame(long sequence, List<String> added, List<String> removed, List<String> mined,
                             List<String> replaced) {
        return "{\"mempool-transactions\": " + delta(sequence, added, removed, mined, replaced) + "}";
    }

    static String delta(long sequence, List<String> added, List<String> removed, List<String> mined,
                        List<String> replaced) {
        return "{\"sequence\":" + sequence + ",\"added\":[" + String.join(",", added) + "],\"removed\":["
                + quoted(removed) + "],\"mined\":[" + quoted(mined) + "],\"replaced\":[" + String.join(",", replaced) + "]}";
    }

    static String addedFrame(long sequence, String... added) {
        return deltaFrame(sequence, List.of(added), List.of(), List.of(), List.of());
    }

    static String replacement(String replaced, String byJson) {
        return "{\"replaced\":\"" + replaced + "\",\"by\":" + byJson + "}";
    }

    static String block(int height, String hash, long timestamp) {
        return "{\"id\":\"" + hash + "\",\"height\":" + height + ",\"version\":626941952,\"timestamp\":" + timestamp
                + ",\"bits\":386038124,\"nonce\":1177284424,\"difficulty\":113757508810854,\"tx_count\":2229,"
                + "\"extras\":{\"reward\":315498786,\"medianFee\":2.14,\"feeRange\":[1.08,2,3],\"pool\":{\"id\":43}}}";
    }

    private static String quoted(List<String> txids) {
        List<String> q = new ArrayList<>();
        txids.forEach(t -> q.add("\"" + t + "\""));
        return String.join(",", q);
    }
}
