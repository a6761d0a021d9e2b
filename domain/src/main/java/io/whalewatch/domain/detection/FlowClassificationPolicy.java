package io.whalewatch.domain.detection;

import io.whalewatch.domain.chain.MempoolTransaction;
import io.whalewatch.domain.chain.TxInput;
import io.whalewatch.domain.chain.TxOutput;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Classifies a transaction's flow.
 *
 * <ul>
 *   <li>inflow: no input is an exchange's, some output is;</li>
 *   <li>outflow: some input is an exchange's and more value goes to non-exchange outputs than to
 *       other exchanges (outputs back to the sending exchange are change and do not count);</li>
 *   <li>internal: exchange inputs whose non-change value goes to exchanges (the same or another);</li>
 *   <li>unknown: no address on either side is known.</li>
 * </ul>
 * Confidence is the share of the relevant value carried by matched addresses: for an inflow the
 * exchange-bound share of the outputs; for an outflow or internal move the exchange-owned share of
 * the inputs (1.0 when input values are unknown but an input address matched).
 */
public final class FlowClassificationPolicy {

    public FlowClassification classify(MempoolTransaction tx, ExchangeDirectory directory) {
        Set<String> names = new LinkedHashSet<>();
        Set<String> matched = new LinkedHashSet<>();
        Set<String> senders = new LinkedHashSet<>();
        long inputTotal = 0;
        long exchangeInput = 0;
        for (TxInput in : tx.inputs()) {
            long value = in.prevout().map(p -> p.value().value()).orElse(0L);
            inputTotal += value;
            Optional<String> address = in.address();
            Optional<String> exchange = address.flatMap(directory::exchangeOf);
            if (exchange.isPresent()) {
                senders.add(exchange.get());
                names.add(exchange.get());
                matched.add(address.get());
                exchangeInput += value;
            }
        }
        long toOtherExchanges = 0;
        long toSenders = 0;
        long toNonExchange = 0;
        for (TxOutput out : tx.outputs()) {
            long value = out.value().value();
            Optional<String> exchange = out.address().flatMap(directory::exchangeOf);
            if (exchange.isEmpty()) {
                toNonExchange += value;
                continue;
            }
            names.add(exchange.get());
            matched.add(out.address().get());
            if (senders.contains(exchange.get())) {
                toSenders += value;
            } else {
                toOtherExchanges += value;
            }
        }
        long totalOut = toOtherExchanges + toSenders + toNonExchange;
        if (senders.isEmpty()) {
            if (toOtherExchanges == 0) {
                return FlowClassification.unknown();
            }
            return new FlowClassification(FlowType.INFLOW, names.stream().toList(), matched.stream().toList(),
                    share(toOtherExchanges, totalOut));
        }
        double inputShare = inputTotal == 0 ? 1.0 : share(exchangeInput, inputTotal);
        FlowType type = toNonExchange > toOtherExchanges ? FlowType.OUTFLOW : FlowType.INTERNAL;
        return new FlowClassification(type, names.stream().toList(), matched.stream().toList(), inputShare);
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0.0 : Math.min(1.0, part / (double) whole);
    }
}
