package io.whalewatch.domain.detection;

import io.whalewatch.domain.chain.MempoolTransaction;
import io.whalewatch.domain.chain.TxOutput;

/** Extra rules that mark an output as likely change beyond address reuse. */
@FunctionalInterface
public interface ChangeHeuristics {
    /** No extra rule: only outputs paying back to an input address are change. */
    ChangeHeuristics ADDRESS_REUSE_ONLY = (out, tx) -> false;

    boolean isLikelyChange(TxOutput output, MempoolTransaction tx);
}
