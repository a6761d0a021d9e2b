package io.whalewatch.adapter.simulator.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import io.whalewatch.adapter.simulator.chain.Confirmation;
import io.whalewatch.adapter.simulator.chain.SimInput;
import io.whalewatch.adapter.simulator.chain.SimOutput;
import io.whalewatch.adapter.simulator.chain.SimTx;
import java.io.IOException;

/**
 * The two transaction shapes: mempool.space's {@code MempoolTransactionExtended} (WebSocket) and
 * esplora's transaction (REST). Field order follows the real servers.
 */
public final class TxJson {
    private TxJson() {
    }

    /**
     * The WebSocket object. {@code prevoutNull} imitates a bitcoind backend: {@code "prevout": null},
     * {@code witness: []} always present, {@code ""} for missing addresses and inner scripts.
     */
    public static String mempool(SimTx tx, int block, double positionVsize, boolean prevoutNull) {
        return Json.write(g -> {
            g.writeStartObject();
            base(g, tx, !prevoutNull, prevoutNull);
            g.writeObjectFieldStart("status");
            g.writeBooleanField("confirmed", false);
            g.writeEndObject();
            extras(g, tx, block, positionVsize);
            g.writeEndObject();
        });
    }

    /** The esplora REST object; prevouts always present; status from {@code confirmation} (null = unconfirmed). */
    public static String esplora(SimTx tx, Confirmation confirmation) {
        return Json.write(g -> {
            g.writeStartObject();
            base(g, tx, true, false);
            status(g, confirmation);
            g.writeEndObject();
        });
    }

    public static String status(Confirmation confirmation) {
        return Json.write(g -> statusValue(g, confirmation));
    }

    private static void status(JsonGenerator g, Confirmation c) throws IOException {
        g.writeFieldName("status");
        statusValue(g, c);
    }

    /** {"confirmed":false} or {"confirmed":true,"block_height":..,"block_hash":..,"block_time":..}. */
    private static void statusValue(JsonGenerator g, Confirmation c) throws IOException {
        g.writeStartObject();
        g.writeBooleanField("confirmed", c != null);
        if (c != null) {
            g.writeNumberField("block_height", c.height());
            g.writeStringField("block_hash", c.hash());
            g.writeNumberField("block_time", c.time());
        }
        g.writeEndObject();
    }

    private static void base(JsonGenerator g, SimTx tx, boolean withPrevouts, boolean bitcoindStyle)
            throws IOException {
        g.writeStringField("txid", tx.txid());
        g.writeNumberField("version", tx.version());
        g.writeNumberField("locktime", tx.locktime());
        g.writeArrayFieldStart("vin");
        for (SimInput in : tx.vin()) {
            input(g, in, withPrevouts, bitcoindStyle);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("vout");
        for (SimOutput o : tx.vout()) {
            output(g, o, bitcoindStyle);
        }
        g.writeEndArray();
        g.writeNumberField("size", tx.size());
        g.writeNumberField("weight", tx.weight());
        g.writeNumberField("sigops", tx.sigops());
        g.writeNumberField("fee", tx.fee());
    }

    private static void input(JsonGenerator g, SimInput in, boolean withPrevout, boolean bitcoindStyle)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("txid", in.txid());
        g.writeNumberField("vout", in.vout());
        g.writeFieldName("prevout");
        if (withPrevout && in.prevout() != null) {
            output(g, in.prevout(), false);
        } else {
            g.writeNull();
        }
        g.writeStringField("scriptsig", in.scriptsig());
        g.writeStringField("scriptsig_asm", in.scriptsigAsm());
        if (bitcoindStyle || !in.witness().isEmpty()) {
            g.writeArrayFieldStart("witness");
            for (String w : in.witness()) {
                g.writeString(w);
            }
            g.writeEndArray();
        }
        optional(g, "inner_redeemscript_asm", in.innerRedeemAsm(), bitcoindStyle);
        optional(g, "inner_witnessscript_asm", in.innerWitnessAsm(), bitcoindStyle);
        g.writeBooleanField("is_coinbase", in.coinbase());
        g.writeNumberField("sequence", in.sequence());
        g.writeEndObject();
    }

    private static void optional(JsonGenerator g, String name, String value, boolean emptyWhenAbsent)
            throws IOException {
        if (value != null || emptyWhenAbsent) {
            g.writeStringField(name, value == null ? "" : value);
        }
    }

    private static void output(JsonGenerator g, SimOutput o, boolean bitcoindStyle) throws IOException {
        g.writeStartObject();
        g.writeStringField("scriptpubkey", o.script().hex());
        g.writeStringField("scriptpubkey_asm", o.script().asm());
        g.writeStringField("scriptpubkey_type", o.script().type());
        optional(g, "scriptpubkey_address", o.script().address(), bitcoindStyle);
        g.writeNumberField("value", o.value());
        g.writeEndObject();
    }

    private static void extras(JsonGenerator g, SimTx tx, int block, double positionVsize) throws IOException {
        g.writeNumberField("order", tx.order());
        g.writeNumberField("vsize", tx.vsize());
        Json.field(g, "adjustedVsize", tx.adjustedVsize());
        Json.field(g, "feePerVsize", tx.feePerVsize());
        Json.field(g, "adjustedFeePerVsize", tx.adjustedFeePerVsize());
        Json.field(g, "effectiveFeePerVsize", tx.feePerVsize());
        g.writeNumberField("firstSeen", tx.firstSeen());
        g.writeNumberField("uid", tx.uid());
        g.writeArrayFieldStart("inputs");
        g.writeEndArray();
        g.writeBooleanField("cpfpDirty", false);
        g.writeArrayFieldStart("ancestors");
        g.writeEndArray();
        g.writeArrayFieldStart("descendants");
        g.writeEndArray();
        g.writeNullField("bestDescendant");
        g.writeObjectFieldStart("position");
        g.writeNumberField("block", block);
        Json.field(g, "vsize", positionVsize);
        g.writeEndObject();
        g.writeNumberField("flags", tx.flags());
    }
}
