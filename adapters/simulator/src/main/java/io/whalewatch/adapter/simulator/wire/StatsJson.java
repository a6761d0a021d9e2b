package io.whalewatch.adapter.simulator.wire;

import io.whalewatch.adapter.simulator.chain.FeeEstimate;
import io.whalewatch.adapter.simulator.chain.ProjectedBlock;
import io.whalewatch.adapter.simulator.chain.SimTx;
import java.util.List;
import java.util.Map;

/** The statistics messages: mempoolInfo, fees, mempool-blocks, da, transactions, conversions. */
public final class StatsJson {
    private static final long SECONDS_PER_BLOCK = 600;

    private StatsJson() {
    }

    /** Core's getmempoolinfo pass-through: total_fee and fee rates in BTC (BTC/kvB). */
    public static String mempoolInfo(int size, long bytes, long totalFeeSats) {
        return Json.write(g -> {
            g.writeStartObject();
            g.writeBooleanField("loaded", true);
            g.writeNumberField("size", size);
            g.writeNumberField("bytes", bytes);
            g.writeNumberField("usage", bytes * 5 + 1_000_000);
            Json.field(g, "total_fee", totalFeeSats / 1e8);
            g.writeNumberField("maxmempool", 300_000_000);
            Json.field(g, "mempoolminfee", 0.00001);
            Json.field(g, "minrelaytxfee", 0.00001);
            Json.field(g, "incrementalrelayfee", 0.00001);
            g.writeNumberField("unbroadcastcount", 0);
            g.writeBooleanField("fullrbf", true);
            g.writeEndObject();
        });
    }

    /** Precise (WebSocket) or rounded integer (REST /fees/recommended) fees. */
    public static String fees(FeeEstimate f, boolean precise) {
        double[] v = {f.fastestFee(), f.halfHourFee(), f.hourFee(), f.economyFee(), f.minimumFee()};
        String[] names = {"fastestFee", "halfHourFee", "hourFee", "economyFee", "minimumFee"};
        return Json.write(g -> {
            g.writeStartObject();
            for (int i = 0; i < v.length; i++) {
                Json.field(g, names[i], precise ? v[i] : Math.max(1, Math.ceil(v[i])));
            }
            g.writeEndObject();
        });
    }

    public static String mempoolBlocks(List<ProjectedBlock> blocks) {
        return Json.write(g -> {
            g.writeStartArray();
            for (ProjectedBlock b : blocks) {
                g.writeStartObject();
                g.writeNumberField("blockSize", b.blockSize());
                Json.field(g, "blockVSize", b.blockVSize());
                g.writeNumberField("nTx", b.nTx());
                g.writeNumberField("totalFees", b.totalFees());
                Json.field(g, "medianFee", b.medianFee());
                Json.array(g, "feeRange", b.feeRange());
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    /** Difficulty adjustment progress for the epoch containing {@code tipHeight}. */
    public static String da(int tipHeight, long nowSeconds) {
        int inEpoch = (tipHeight + 1) % 2016;
        int remaining = 2016 - inEpoch;
        return Json.write(g -> {
            g.writeStartObject();
            Json.field(g, "progressPercent", inEpoch * 100.0 / 2016);
            Json.field(g, "difficultyChange", 1.25);
            g.writeNumberField("estimatedRetargetDate", (nowSeconds + remaining * SECONDS_PER_BLOCK) * 1000);
            g.writeNumberField("remainingBlocks", remaining);
            g.writeNumberField("remainingTime", remaining * SECONDS_PER_BLOCK * 1000);
            Json.field(g, "previousRetarget", -0.75);
            g.writeNumberField("previousTime", nowSeconds - inEpoch * SECONDS_PER_BLOCK);
            g.writeNumberField("nextRetargetHeight", tipHeight + remaining);
            g.writeNumberField("timeAvg", 592_500);
            g.writeNumberField("adjustedTimeAvg", 592_500);
            g.writeNumberField("timeOffset", 0);
            Json.field(g, "expectedBlocks", inEpoch * 1.0125);
            g.writeEndObject();
        });
    }

    /** The last transactions as TransactionStripped: {txid, fee, vsize, value, rate}. */
    public static String transactions(List<SimTx> latest) {
        return Json.write(g -> {
            g.writeStartArray();
            for (SimTx tx : latest) {
                g.writeStartObject();
                g.writeStringField("txid", tx.txid());
                g.writeNumberField("fee", tx.fee());
                Json.field(g, "vsize", tx.weight() / 4.0);
                g.writeNumberField("value", tx.outputSum());
                Json.field(g, "rate", tx.feePerVsize());
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    /** {time, USD, EUR, ...}: whole fiat units per BTC. */
    public static String conversions(long time, Map<String, Long> prices) {
        return Json.write(g -> {
            g.writeStartObject();
            g.writeNumberField("time", time);
            for (Map.Entry<String, Long> e : prices.entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
        });
    }

    public static String loadingIndicators(int mempoolPercent) {
        return Json.write(g -> {
            g.writeStartObject();
            g.writeNumberField("mempool", mempoolPercent);
            g.writeEndObject();
        });
    }
}
