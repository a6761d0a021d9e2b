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
 * <p>Change heuristic: an output is change when it pays back to an address that one of the
 * inputs spends from (address reuse, the only certain case). When every output pays back to
 * the inputs nothing is counted as change: the transaction is a self-transfer and its whole
 * value stays visible (and is flagged). Probabilistic heuristics (round amounts, script-type
 * matching) are left to {@link ChangeHeuristics}.
 */
public final class TransferAmountPolicy {
    private final ChangeHeuristics heuristics;

    public TransferAmountPolicy() {
        this(ChangeHeuristics.ADDRESS_REUSE_ONLY);
    }

    public TransferAmountPolicy(ChangeHeuristics heuristics) {
        this.heuristics = heuristics;
    }

    /** Computes total, transferred and change amounts. */
    public TransferAmount measure(MempoolTransaction tx) {
        Set<String> inputAddresses = new HashSet<>();
        for (TxInput in : tx.inputs()) {
            in.address().ifPresent(inputAddresses::add);
        }
        long total = 0;
        long change = 0;
        int changeOutputs = 0;
        for (TxOutput out : tx.outputs()) {
            total += out.value().value();
            if (isChange(out, tx, inputAddresses)) {
                change += out.value().value();
                changeOutputs++;
            }
        }
        if (changeOutputs == tx.outputs().size()) {
            return TransferAmount.allTransferred(Satoshis.of(total));
        }
        return new TransferAmount(Satoshis.of(total), Satoshis.of(total - change), Satoshis.of(change));
    }

    private boolean isChange(TxOutput out, MempoolTransaction tx, Set<String> inputAddresses) {
        return out.address().map(inputAddresses::contains).orElse(false) || heuristics.isLikelyChange(out, tx);
    }
}
