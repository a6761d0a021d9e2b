package io.whalewatch.domain.chain;

import java.util.Optional;

/**
 * A transaction output (or the previous output an input spends).
 *
 * @param address the address it pays to; empty for address-less scripts (OP_RETURN, bare multisig)
 * @param value   the amount
 */
public record TxOutput(Optional<String> address, Satoshis value) {
    public TxOutput {
        address = address.filter(a -> !a.isBlank());
        java.util.Objects.requireNonNull(value, "value");
    }

    public static TxOutput of(String address, long sats) {
        return new TxOutput(Optional.ofNullable(address), Satoshis.of(sats));
    }

    /** True when this output pays to the given address. */
    public boolean paysTo(String candidate) {
        return address.map(candidate::equals).orElse(false);
    }
}
