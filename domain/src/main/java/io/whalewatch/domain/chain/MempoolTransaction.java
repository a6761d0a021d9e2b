package io.whalewatch.domain.chain;

import io.whalewatch.domain.fee.FeeRate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * An unconfirmed transaction as announced by the mempool source.
 *
 * @param feeRate         the effective fee rate (CPFP-aware where the upstream gives it)
 * @param projectedBlock  the upstream's projected block index (0 = next block), when known
 * @param firstSeen       when the upstream first saw it
 */
public record MempoolTransaction(
        TxId txid,
        List<TxInput> inputs,
        List<TxOutput> outputs,
        Satoshis fee,
        double vsize,
        FeeRate feeRate,
        OptionalInt projectedBlock,
        Instant firstSeen) {

    public MempoolTransaction {
        Objects.requireNonNull(txid, "txid");
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(feeRate, "feeRate");
        Objects.requireNonNull(projectedBlock, "projectedBlock");
        Objects.requireNonNull(firstSeen, "firstSeen");
        if (!(vsize > 0) || !Double.isFinite(vsize)) {
            throw new IllegalArgumentException("vsize must be positive: " + vsize);
        }
    }

    /** Sum of all output values. */
    public Satoshis totalOutput() {
        long sum = 0;
        for (TxOutput o : outputs) {
            sum += o.value().value();
        }
        return Satoshis.of(sum);
    }

    /** True when every input carries its previous output (addresses and values known). */
    public boolean prevoutsKnown() {
        return inputs.stream().allMatch(i -> i.prevout().isPresent());
    }

    /** BIP-125 signalling; informational only, since full-RBF is the network default. */
    public boolean signalsRbf() {
        return inputs.stream().anyMatch(TxInput::signalsRbf);
    }
}
