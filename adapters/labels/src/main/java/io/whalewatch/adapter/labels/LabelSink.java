package io.whalewatch.adapter.labels;

import io.whalewatch.application.spi.AdapterException;
import java.util.HashMap;
import java.util.Map;

/**
 * Receives labelled addresses from the source readers, validates them and fills the table.
 * Every error names the source and line ({@code addresses.csv:17: invalid bitcoin address 'xyz'}).
 */
final class LabelSink {
    private final AddressTableBuilder builder = new AddressTableBuilder();
    private final Map<String, String> normalised = new HashMap<>();
    private int relabelled;
    private int duplicates;
    private int skipped;

    /** Adds an address; the raw exchange label goes through {@link ExchangeNames#normalise}. */
    void add(String source, int line, String address, String rawExchange) {
        String exchange = normalised.computeIfAbsent(rawExchange == null ? "" : rawExchange, ExchangeNames::normalise);
        if (exchange.isEmpty()) {
            throw error(source, line, "missing exchange name for address '" + address + "'");
        }
        byte[] packed = BitcoinAddress.pack(address == null ? null : address.strip());
        if (packed == null) {
            throw error(source, line, "invalid bitcoin address '" + address + "'");
        }
        switch (builder.put(packed, exchange)) {
            case REPLACED -> relabelled++;
            case SAME -> duplicates++;
            default -> { }
        }
    }

    /** Counts an entry deliberately left out (another currency, not an exchange, no label). */
    void skip() {
        skipped++;
    }

    int size() {
        return builder.size();
    }

    int relabelled() {
        return relabelled;
    }

    int duplicates() {
        return duplicates;
    }

    int skipped() {
        return skipped;
    }

    AddressTable build() {
        return builder.build();
    }

    static AdapterException error(String source, int line, String message) {
        return new AdapterException(source + ":" + line + ": " + message);
    }
}
