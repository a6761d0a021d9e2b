package io.whalewatch.domain.chain;

import java.util.Optional;

/**
 * A transaction input.
 *
 * @param prevout the output it spends; empty when the upstream did not say (a self-hosted
 *                mempool in bitcoind mode sends {@code "prevout": null})
 * @param sequence nSequence, a uint32 (hence long)
 */
public record TxInput(Optional<TxOutput> prevout, long sequence) {
    /** Inputs with nSequence below this value signal BIP-125 replaceability. */
    public static final long RBF_SEQUENCE_LIMIT = 0xFFFFFFFEL;

    public TxInput {
        java.util.Objects.requireNonNull(prevout, "prevout");
        if (sequence < 0 || sequence > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("sequence is a uint32: " + sequence);
        }
    }

    public static TxInput spending(String address, long sats) {
        return new TxInput(Optional.of(TxOutput.of(address, sats)), 0xFFFFFFFDL);
    }

    public boolean signalsRbf() {
        return sequence < RBF_SEQUENCE_LIMIT;
    }

    public Optional<String> address() {
        return prevout.flatMap(TxOutput::address);
    }
}
