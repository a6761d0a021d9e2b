package io.whalewatch.adapter.simulator.chain;

import java.util.List;

/**
 * A generated transaction with everything needed for both wire shapes (mempool.space extended
 * and esplora). Derived fields follow the server's formulas (vsize = ceil(weight/4), ...).
 */
public record SimTx(String txid, int version, long locktime, List<SimInput> vin, List<SimOutput> vout,
                    int size, int weight, int sigops, long fee, long firstSeen, int uid) {
    public SimTx {
        vin = List.copyOf(vin);
        vout = List.copyOf(vout);
    }

    public int vsize() {
        return (weight + 3) / 4;
    }

    /** max(weight/4, sigops*5) as mempool computes it. */
    public double adjustedVsize() {
        return Math.max(weight / 4.0, sigops * 5.0);
    }

    public double feePerVsize() {
        return (double) fee / vsize();
    }

    public double adjustedFeePerVsize() {
        return fee / adjustedVsize();
    }

    /** mempool's txidToOrdering: the last 4 txid bytes read as a little-endian uint32. */
    public long order() {
        return Long.parseLong(txid.substring(62, 64) + txid.substring(60, 62) + txid.substring(58, 60)
                + txid.substring(56, 58), 16);
    }

    public long outputSum() {
        long s = 0;
        for (SimOutput o : vout) {
            s += o.value();
        }
        return s;
    }

    public boolean signalsRbf() {
        return vin.stream().anyMatch(i -> i.sequence() < 0xfffffffeL);
    }

    /** TransactionFlags bitfield: rbf/no_rbf, version, input/output script types, sighash_all. */
    public long flags() {
        long f = signalsRbf() ? 1L : 2L;
        f |= version == 1 ? 4L : 8L;
        for (SimInput i : vin) {
            if (i.prevout() != null) {
                f |= typeBit(i.prevout().script().type());
            }
        }
        for (SimOutput o : vout) {
            f |= typeBit(o.script().type());
        }
        return f | (1L << 40);
    }

    private static long typeBit(String type) {
        return switch (type) {
            case "p2pkh" -> 1L << 10;
            case "p2sh" -> 1L << 11;
            case "v0_p2wpkh" -> 1L << 12;
            case "v0_p2wsh" -> 1L << 13;
            case "v1_p2tr" -> 1L << 14;
            case "op_return" -> 1L << 24;
            default -> 0L;
        };
    }
}
