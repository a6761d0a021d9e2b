package io.whalewatch.domain.detection;

import io.whalewatch.domain.chain.MempoolTransaction;
import io.whalewatch.domain.chain.Satoshis;
import io.whalewatch.domain.chain.TxInput;
import io.whalewatch.domain.chain.TxOutput;
import java.util.HashSet;
import java.util.Set;

/**
 * Separates the transferred amount from change.
 *
 * <p>An output is change when it pays back to an address one of the inputs spends from (address
 * reuse: certain), or when the configured {@link ChangeHeuristics} say so (by default: change back
 * to the funding exchange, and the round-payment rule). When every output would be change, nothing
 * is: the transaction is a self-transfer or consolidation and its whole value stays visible (and is
 * flagged by {@link SignalFlagPolicy}).
 */
public final class TransferAmountPolicy {
    private final ChangeHeuristics heuristics;

    /** Address reuse only (no directory needed). */
    public TransferAmountPolicy() {
        this(ChangeHeuristics.ADDRESS_REUSE_ONLY);
    }

    public TransferAmountPolicy(ChangeHeuristics heuristics) {
        this.heuristics = heuristics;
    }

    /** Computes total, transferred and change amounts with no exchange knowledge. */
    public TransferAmount measure(MempoolTransaction tx) {
        return measure(tx, ExchangeDirectory.empty());
    }

    /** Computes total, transferred and change amounts. */
    public TransferAmount measure(MempoolTransaction tx, ExchangeDirectory directory) {
        Set<String> inputAddresses = new HashSet<>();
        for (TxInput in : tx.inputs()) {
            in.address().ifPresent(inputAddresses::add);
        }
        long total = 0;
        long change = 0;
        int changeOutputs = 0;
        for (TxOutput out : tx.outputs()) {
            total += out.value().value();
            if (out.address().map(inputAddresses::contains).orElse(false) || heuristics.isLikelyChange(out, tx, directory)) {
                change += out.value().value();
                changeOutputs++;
            }
        }
        if (changeOutputs == tx.outputs().size()) {
            return TransferAmount.allTransferred(Satoshis.of(total));
        }
        return new TransferAmount(Satoshis.of(total), Satoshis.of(total - change), Satoshis.of(change));
    }
}
