package io.whalewatch.domain.detection;

import io.whalewatch.domain.chain.MempoolTransaction;
import io.whalewatch.domain.chain.TxOutput;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Flags the transaction shapes users often filter out as noise.
 * <ul>
 *   <li>{@link SignalFlag#SELF_TRANSFER}: every output pays to an address among the inputs, or to the
 *       exchange funding the transaction;</li>
 *   <li>{@link SignalFlag#CONSOLIDATION}: at least {@value #CONSOLIDATION_MIN_INPUTS} inputs into a
 *       single output (or two, one of them change) — a wallet sweeping its own coins;</li>
 *   <li>{@link SignalFlag#COINJOIN_LIKE}: at least {@value #COINJOIN_MIN_EQUAL} outputs of the same
 *       value and at least as many inputs, as in Whirlpool/Wasabi/JoinMarket rounds.</li>
 * </ul>
 */
public final class SignalFlagPolicy {
    static final int CONSOLIDATION_MIN_INPUTS = 5;
    static final int COINJOIN_MIN_EQUAL = 5;

    public Set<SignalFlag> flags(MempoolTransaction tx, TransferAmount amount, FlowClassification flow) {
        Set<SignalFlag> flags = EnumSet.noneOf(SignalFlag.class);
        if (selfTransfer(tx, flow)) {
            flags.add(SignalFlag.SELF_TRANSFER);
        }
        int payments = tx.outputs().size() - (amount.change().value() > 0 ? 1 : 0);
        if (tx.inputs().size() >= CONSOLIDATION_MIN_INPUTS && payments <= 1) {
            flags.add(SignalFlag.CONSOLIDATION);
        }
        if (coinJoinLike(tx)) {
            flags.add(SignalFlag.COINJOIN_LIKE);
        }
        return flags;
    }

    private static boolean selfTransfer(MempoolTransaction tx, FlowClassification flow) {
        Set<String> inputs = new HashSet<>();
        tx.inputs().forEach(i -> i.address().ifPresent(inputs::add));
        boolean toOwnAddresses = !inputs.isEmpty()
                && tx.outputs().stream().allMatch(o -> o.address().map(inputs::contains).orElse(false));
        boolean withinOneExchange = flow.type() == FlowType.INTERNAL && flow.exchanges().size() == 1;
        return toOwnAddresses || withinOneExchange;
    }

    private static boolean coinJoinLike(MempoolTransaction tx) {
        Map<Long, Integer> byValue = new HashMap<>();
        for (TxOutput o : tx.outputs()) {
            byValue.merge(o.value().value(), 1, Integer::sum);
        }
        int equal = byValue.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        return equal >= COINJOIN_MIN_EQUAL && tx.inputs().size() >= equal;
    }
}
