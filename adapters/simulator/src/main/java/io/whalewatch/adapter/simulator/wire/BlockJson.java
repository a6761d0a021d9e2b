package io.whalewatch.adapter.simulator.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import io.whalewatch.adapter.simulator.chain.SimBlock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** mempool.space's {@code BlockExtended}: esplora block fields plus {@code extras}. */
public final class BlockJson {
    private BlockJson() {
    }

    public static String of(SimBlock b) {
        return Json.write(g -> write(g, b));
    }

    /** The "blocks" array, oldest first. */
    public static String list(List<SimBlock> blocks) {
        return Json.write(g -> {
            g.writeStartArray();
            for (SimBlock b : blocks) {
                write(g, b);
            }
            g.writeEndArray();
        });
    }

    static void write(JsonGenerator g, SimBlock b) throws IOException {
        SimBlock.Stats s = b.stats();
        g.writeStartObject();
        g.writeStringField("id", b.id());
        g.writeNumberField("height", b.height());
        g.writeNumberField("version", SimBlock.VERSION);
        g.writeNumberField("timestamp", b.timestamp());
        g.writeNumberField("bits", SimBlock.BITS);
        g.writeNumberField("nonce", b.nonce());
        Json.field(g, "difficulty", SimBlock.DIFFICULTY);
        g.writeStringField("merkle_root", b.merkleRoot());
        g.writeNumberField("tx_count", s.txCount());
        g.writeNumberField("size", s.size());
        g.writeNumberField("weight", s.weight());
        g.writeStringField("previousblockhash", b.previousBlockHash());
        g.writeNumberField("mediantime", b.mediantime());
        g.writeBooleanField("stale", false);
        g.writeObjectFieldStart("extras");
        extras(g, b, s);
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void extras(JsonGenerator g, SimBlock b, SimBlock.Stats s) throws IOException {
        int txs = Math.max(1, s.txCount() - 1);
        g.writeNumberField("reward", b.reward());
        g.writeStringField("coinbaseRaw", b.coinbase().vin().get(0).scriptsig());
        g.writeArrayFieldStart("orphans");
        g.writeEndArray();
        Json.field(g, "medianFee", s.medianFee());
        Json.array(g, "feeRange", s.feeRange());
        g.writeNumberField("totalFees", s.totalFees());
        g.writeNumberField("avgFee", s.totalFees() / txs);
        g.writeNumberField("avgFeeRate", Math.round(s.totalFees() / Math.max(1.0, (s.weight() - 320) / 4.0)));
        g.writeNumberField("utxoSetChange", s.totalOutputs() - s.totalInputs());
        Json.field(g, "avgTxSize", Json.round((double) s.size() / s.txCount(), 2));
        g.writeNumberField("totalInputs", s.totalInputs());
        g.writeNumberField("totalOutputs", s.totalOutputs());
        g.writeNumberField("totalOutputAmt", s.totalOutputAmt());
        g.writeNumberField("segwitTotalTxs", s.segwitTxs());
        g.writeNumberField("segwitTotalSize", s.segwitSize());
        g.writeNumberField("segwitTotalWeight", s.segwitWeight());
        g.writeNullField("feePercentiles");
        Json.field(g, "virtualSize", s.weight() / 4.0);
        coinbase(g, b);
        g.writeStringField("header", b.header());
        g.writeNullField("utxoSetSize");
        g.writeNullField("totalInputAmt");
        g.writeObjectFieldStart("pool");
        g.writeNumberField("id", b.pool().id());
        g.writeStringField("name", b.pool().name());
        g.writeStringField("slug", b.pool().slug());
        g.writeNullField("minerNames");
        g.writeEndObject();
        g.writeNumberField("matchRate", 100);
        g.writeNumberField("expectedFees", s.totalFees());
        g.writeNumberField("expectedWeight", s.weight());
        Json.field(g, "similarity", 1);
    }

    private static void coinbase(JsonGenerator g, SimBlock b) throws IOException {
        var payout = b.coinbase().vout().get(0).script();
        g.writeStringField("coinbaseAddress", payout.address());
        g.writeArrayFieldStart("coinbaseAddresses");
        g.writeString(payout.address());
        g.writeEndArray();
        g.writeStringField("coinbaseSignature", payout.asm());
        String raw = b.coinbase().vin().get(0).scriptsig();
        g.writeStringField("coinbaseSignatureAscii", ascii(raw));
    }

    private static String ascii(String hex) {
        byte[] bytes = io.whalewatch.adapter.simulator.chain.Hex.parse(hex);
        StringBuilder sb = new StringBuilder();
        for (byte c : new String(bytes, StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.ISO_8859_1)) {
            sb.append(c >= 0x20 && c < 0x7f ? (char) c : '\u0000');
        }
        return sb.toString();
    }
}
