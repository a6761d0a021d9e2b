package io.whalewatch.domain.detection;

import io.whalewatch.domain.chain.MempoolTransaction;
import io.whalewatch.domain.chain.TxOutput;
import java.util.List;

/**
 * Rules that mark an output as likely change beyond address reuse (which {@link TransferAmountPolicy}
 * always applies).
 */
@FunctionalInterface
public interface ChangeHeuristics {
    /** No extra rule: only outputs paying back to an input address are change. */
    ChangeHeuristics ADDRESS_REUSE_ONLY = (out, tx, directory) -> false;

    /**
     * The documented default:
     * <ol>
     *   <li><b>exchange change</b>: an output to an address of the same exchange that funds the
     *       transaction (a withdrawal returning its change to the exchange's wallet);</li>
     *   <li><b>round payment</b>: in a two-output transaction where exactly one output is a round
     *       amount (a multiple of 0.001 BTC) and the other is not, the non-round output is change,
     *       provided its address type matches the inputs' (wallets pay change to their own type).</li>
     * </ol>
     */
    ChangeHeuristics DEFAULT = (out, tx, directory) -> exchangeChange(out, tx, directory) || roundPaymentChange(out, tx);

    boolean isLikelyChange(TxOutput output, MempoolTransaction tx, ExchangeDirectory directory);

    private static boolean exchangeChange(TxOutput out, MempoolTransaction tx, ExchangeDirectory directory) {
        return out.address().flatMap(directory::exchangeOf)
                .map(owner -> tx.inputs().stream().anyMatch(in -> in.address().flatMap(directory::exchangeOf).map(owner::equals).orElse(false)))
                .orElse(false);
    }

    private static boolean roundPaymentChange(TxOutput out, MempoolTransaction tx) {
        List<TxOutput> outs = tx.outputs();
        if (outs.size() != 2 || out.address().isEmpty()) {
            return false;
        }
        TxOutput other = outs.get(0) == out ? outs.get(1) : outs.get(0);
        boolean otherRound = isRound(other.value().value());
        boolean thisRound = isRound(out.value().value());
        if (!otherRound || thisRound) {
            return false;
        }
        String type = AddressType.of(out.address().get());
        return tx.inputs().stream().allMatch(in -> in.address().map(a -> AddressType.of(a).equals(type)).orElse(false));
    }

    private static boolean isRound(long sats) {
        return sats > 0 && sats % 100_000L == 0;
    }
}
