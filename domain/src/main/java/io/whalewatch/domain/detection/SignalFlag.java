package io.whalewatch.domain.detection;

import java.util.Locale;

/** Shapes of transactions that users often want to filter out as noise. */
public enum SignalFlag {
    /** Many inputs into one or two outputs: a wallet consolidating its own coins. */
    CONSOLIDATION,
    /** Many equal-valued outputs and many inputs: a CoinJoin-like mix. */
    COINJOIN_LIKE,
    /** Every output pays back to an address among the inputs. */
    SELF_TRANSFER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SignalFlag fromWire(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
