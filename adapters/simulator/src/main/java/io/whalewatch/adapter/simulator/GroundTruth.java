package io.whalewatch.adapter.simulator;

import io.whalewatch.adapter.simulator.chain.SimBlock;
import io.whalewatch.adapter.simulator.chain.SimTx;
import io.whalewatch.adapter.simulator.chain.Whale;
import io.whalewatch.adapter.simulator.wire.Json;

/**
 * What really happened, as JSON lines: {@code whale} (txid, amount, intended flow, exchange),
 * {@code replaced} (txid, by), {@code dropped}, {@code mined} (whales, with height) and {@code block}.
 */
final class GroundTruth implements AutoCloseable {
    private final LineFile file;

    GroundTruth(LineFile file) {
        this.file = file;
    }

    /** {@code trackers}: how many mempool-tracking clients were handed the frame that announced it. */
    void whale(SimTx tx, Whale w, long sequence, int trackers) {
        if (!file.enabled()) {
            return;
        }
        file.write(Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("event", "whale");
            g.writeStringField("txid", tx.txid());
            g.writeNumberField("sequence", sequence);
            g.writeNumberField("amountSats", w.amountSats());
            g.writeNumberField("totalOutputSats", tx.outputSum());
            g.writeStringField("flow", w.flow());
            g.writeStringField("exchange", w.exchange());
            g.writeStringField("fromExchange", w.fromExchange());
            Json.field(g, "feeRate", tx.feePerVsize());
            g.writeNumberField("firstSeen", tx.firstSeen());
            g.writeNumberField("trackers", trackers);
            g.writeEndObject();
        }));
    }

    void replaced(String old, String by, boolean whale) {
        event("replaced", old, "by", by, whale);
    }

    void dropped(String txid, boolean whale) {
        event("dropped", txid, null, null, whale);
    }

    void mined(String txid, SimBlock block) {
        file.write("{\"event\":\"mined\",\"txid\":\"" + txid + "\",\"height\":" + block.height() + ",\"blockHash\":\""
                + block.id() + "\"}");
    }

    void block(SimBlock b, long sequence, int trackers) {
        file.write("{\"event\":\"block\",\"height\":" + b.height() + ",\"hash\":\"" + b.id() + "\",\"txCount\":"
                + b.txids().size() + ",\"sequence\":" + sequence + ",\"trackers\":" + trackers + "}");
    }

    private void event(String name, String txid, String extraKey, String extra, boolean whale) {
        file.write("{\"event\":\"" + name + "\",\"txid\":\"" + txid + "\""
                + (extraKey == null ? "" : ",\"" + extraKey + "\":\"" + extra + "\"") + ",\"whale\":" + whale + "}");
    }

    @Override
    public void close() {
        file.close();
    }
}
