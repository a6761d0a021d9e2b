package io.whalewatch.adapter.simulator.chain;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** Builds blocks (with a coinbase paying subsidy + fees to a pool) from chosen transactions. */
public final class BlockAssembler {
    private static final String ZERO_HASH = "0".repeat(64);

    private BlockAssembler() {
    }

    public static SimBlock assemble(RandomGenerator rng, int height, String previousHash, long time,
                                    List<SimTx> txs) {
        Pool pool = Pool.KNOWN.get(rng.nextInt(Pool.KNOWN.size()));
        long fees = txs.stream().mapToLong(SimTx::fee).sum();
        SimTx coinbase = coinbase(rng, height, pool, SimBlock.SUBSIDY + fees, time);
        List<SimTx> all = new ArrayList<>();
        all.add(coinbase);
        all.addAll(txs);
        List<String> txids = all.stream().map(SimTx::txid).toList();
        String id = "0000000000000000000" + Hex.randomHex(rng, 32).substring(19);
        String merkle = Hex.randomHex(rng, 32);
        long nonce = rng.nextLong(1L << 32);
        String header = header(previousHash, merkle, time, nonce);
        return new SimBlock(id, height, time, time - 3600, nonce, merkle, previousHash, header, pool, coinbase,
                txids, stats(all, txs));
    }

    /** An empty historical block (for the initial "blocks" reply). */
    public static SimBlock historical(RandomGenerator rng, int height, String previousHash, long time) {
        return assemble(rng, height, previousHash, time, List.of());
    }

    private static SimTx coinbase(RandomGenerator rng, int height, Pool pool, long reward, long time) {
        byte[] h = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(height).array();
        String tag = Hex.of(("/" + pool.name() + "/").getBytes(StandardCharsets.US_ASCII));
        String scriptsig = "03" + Hex.of(new byte[] {h[0], h[1], h[2]}) + tag + Hex.randomHex(rng, 12);
        SimInput in = new SimInput(ZERO_HASH, 0xffffffffL, null, scriptsig, "OP_PUSHBYTES_3 "
                + Hex.of(new byte[] {h[0], h[1], h[2]}) + " OP_PUSHBYTES_" + (scriptsig.length() / 2 - 4) + " "
                + scriptsig.substring(8), List.of(ZERO_HASH), null, null, true, 0xffffffffL);
        byte[] poolKey = java.util.Arrays.copyOf(Hex.sha256(pool.slug().getBytes(StandardCharsets.US_ASCII)), 20);
        List<SimOutput> outs = List.of(new SimOutput(Script.p2wpkh(poolKey), reward),
                new SimOutput(Script.opReturn(commitment(rng)), 0));
        List<SimInput> vin = List.of(in);
        int[] sw = TxBuilder.sizes(vin, outs);
        return new SimTx(Hex.randomHex(rng, 32), 2, 0, vin, outs, sw[0], sw[1], 0, 0, time, 0);
    }

    private static byte[] commitment(RandomGenerator rng) {
        byte[] c = Hex.random(rng, 36);
        System.arraycopy(Hex.parse("aa21a9ed"), 0, c, 0, 4);
        return c;
    }

    private static String header(String prev, String merkle, long time, long nonce) {
        ByteBuffer b = ByteBuffer.allocate(80).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(SimBlock.VERSION).put(Hex.reversed(Hex.parse(prev))).put(Hex.reversed(Hex.parse(merkle)));
        b.putInt((int) time).putInt((int) SimBlock.BITS).putInt((int) nonce);
        return Hex.of(b.array());
    }

    private static SimBlock.Stats stats(List<SimTx> all, List<SimTx> txs) {
        long size = 80;
        long weight = 320;
        int ins = 0;
        int outs = 0;
        long outAmt = 0;
        int swTxs = 0;
        long swSize = 0;
        long swWeight = 0;
        for (SimTx tx : all) {
            size += tx.size();
            weight += tx.weight();
            ins += tx.vin().size();
            outs += tx.vout().size();
            outAmt += tx.outputSum();
            if (tx.weight() < tx.size() * 4) {
                swTxs++;
                swSize += tx.size();
                swWeight += tx.weight();
            }
        }
        double[] rates = txs.stream().mapToDouble(SimTx::feePerVsize).toArray();
        long fees = txs.stream().mapToLong(SimTx::fee).sum();
        return new SimBlock.Stats(all.size(), size, weight, fees, Percentiles.median(rates),
                Percentiles.feeRange(rates), ins, outs, outAmt, swTxs, swSize, swWeight);
    }

}
