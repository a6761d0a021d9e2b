package io.whalewatch.domain.detection;

import java.util.Locale;

/** Where a whale's coins go relative to exchanges. */
public enum FlowType {
    /** Non-exchange inputs paying an exchange: coins moving onto an exchange (often read as selling pressure). */
    INFLOW,
    /** Exchange inputs paying non-exchange outputs, even when change returns to the exchange. */
    OUTFLOW,
    /** Exchange to exchange (the same one or two different ones). */
    INTERNAL,
    /** No side of the transaction is a known exchange address. */
    UNKNOWN;

    /** The lower-case name used on the wire and in the database ("inflow", ...). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name, case-insensitively. */
    public static FlowType fromWire(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
