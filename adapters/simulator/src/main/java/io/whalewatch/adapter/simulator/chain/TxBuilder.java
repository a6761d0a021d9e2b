package io.whalewatch.adapter.simulator.chain;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Assembles a {@link SimTx} from input scripts and outputs at a fee rate: computes size and
 * weight from the real serialization sizes, the fee, and input values that pay outputs + fee.
 */
public final class TxBuilder {
    static final long RBF_SEQUENCE = 0xfffffffdL;

    private TxBuilder() {
    }

    /**
     * @param inputScripts scripts of the coins spent (who pays)
     * @param outputs      outputs in order; values in satoshis
     * @param feeRate      wanted sat/vB (at least 1 is paid)
     */
    public static SimTx build(RandomGenerator rng, List<Script> inputScripts, List<SimOutput> outputs,
                              double feeRate, long firstSeen, int uid) {
        long sequence = sequence(rng);
        List<SimInput> unsigned = new ArrayList<>();
        for (Script s : inputScripts) {
            SimOutput placeholder = new SimOutput(s, 0);
            unsigned.add(Unlocking.spend(rng, Hex.randomHex(rng, 32), rng.nextInt(4), placeholder, sequence));
        }
        int version = rng.nextInt(10) == 0 ? 1 : 2;
        int[] sw = sizes(unsigned, outputs);
        int vsize = (sw[1] + 3) / 4;
        long fee = Math.max(vsize, Math.round(feeRate * vsize));
        long total = outputs.stream().mapToLong(SimOutput::value).sum() + fee;
        List<SimInput> vin = withValues(unsigned, split(rng, total, unsigned.size()));
        return new SimTx(Hex.randomHex(rng, 32), version, 0, vin, outputs, sw[0], sw[1],
                Unlocking.sigops(vin, outputs), fee, firstSeen, uid);
    }

    /**
     * A BIP-125 replacement of {@code old}: same coins, freshly signed, paying at least the old
     * fee plus 1 sat/vB; the difference comes out of the last (change) output.
     */
    public static SimTx replace(RandomGenerator rng, SimTx old, double newRate, long firstSeen, int uid) {
        long newFee = Math.max(old.fee() + old.vsize(), Math.round(newRate * old.vsize()));
        long delta = newFee - old.fee();
        List<SimOutput> outs = new ArrayList<>(old.vout());
        int pay = outs.size() - 1;
        if (outs.get(pay).value() - delta < 546) {
            pay = largest(outs);
        }
        outs.set(pay, new SimOutput(outs.get(pay).script(), outs.get(pay).value() - delta));
        List<SimInput> vin = new ArrayList<>();
        for (SimInput i : old.vin()) {
            vin.add(Unlocking.spend(rng, i.txid(), i.vout(), i.prevout(), RBF_SEQUENCE));
        }
        int[] sw = sizes(vin, outs);
        return new SimTx(Hex.randomHex(rng, 32), old.version(), old.locktime(), vin, outs, sw[0], sw[1],
                Unlocking.sigops(vin, outs), newFee, firstSeen, uid);
    }

    /** {size, weight}: 10 bytes of version/counts/locktime, + 2 marker/flag bytes when segwit. */
    static int[] sizes(List<SimInput> vin, List<SimOutput> vout) {
        int base = 10;
        int witness = 0;
        for (SimInput i : vin) {
            base += i.baseBytes();
            witness += i.witnessBytes();
        }
        for (SimOutput o : vout) {
            base += o.script().outputBytes();
        }
        if (witness > 0) {
            witness += 2 + (int) vin.stream().filter(i -> i.witness().isEmpty()).count();
        }
        return new int[] {base + witness, base * 4 + witness};
    }

    private static long sequence(RandomGenerator rng) {
        int r = rng.nextInt(100);
        return r < 70 ? RBF_SEQUENCE : r < 85 ? 0xffffffffL : 0xfffffffeL;
    }

    private static long[] split(RandomGenerator rng, long total, int n) {
        long[] parts = new long[n];
        if (total < 2000L * n) {
            parts[0] = total;
            return n == 1 ? parts : equalSplit(total, n);
        }
        long left = total;
        for (int i = 0; i < n - 1; i++) {
            parts[i] = Math.max(1000, (long) (left * (0.2 + 0.5 * rng.nextDouble()) / (n - i) * 1.5));
            left -= parts[i];
        }
        parts[n - 1] = left;
        return parts;
    }

    private static long[] equalSplit(long total, int n) {
        long[] parts = new long[n];
        java.util.Arrays.fill(parts, total / n);
        parts[n - 1] += total % n;
        return parts;
    }

    private static List<SimInput> withValues(List<SimInput> unsigned, long[] values) {
        List<SimInput> out = new ArrayList<>();
        for (int k = 0; k < unsigned.size(); k++) {
            SimInput i = unsigned.get(k);
            out.add(new SimInput(i.txid(), i.vout(), new SimOutput(i.prevout().script(), values[k]), i.scriptsig(),
                    i.scriptsigAsm(), i.witness(), i.innerRedeemAsm(), i.innerWitnessAsm(), false, i.sequence()));
        }
        return out;
    }

    private static int largest(List<SimOutput> outs) {
        int best = 0;
        for (int k = 1; k < outs.size(); k++) {
            if (outs.get(k).value() > outs.get(best).value()) {
                best = k;
            }
        }
        return best;
    }
}
