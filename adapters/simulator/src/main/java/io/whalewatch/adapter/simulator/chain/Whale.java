package io.whalewatch.adapter.simulator.chain;

/**
 * Ground truth about a generated whale.
 *
 * @param flow         intended flow: inflow, outflow, internal or unknown
 * @param exchange     the exchange paid (inflow, internal) or paying (outflow), null for unknown
 * @param fromExchange for internal transfers, the paying exchange; else null
 * @param amountSats   the whale payment output (change excluded)
 */
public record Whale(String flow, String exchange, String fromExchange, long amountSats) {
}
