package io.whalewatch.domain.chain;

/** A transaction id: 64 hexadecimal characters, normalised to lower case. */
public record TxId(String value) {
    public TxId {
        if (value == null || value.length() != 64) {
            throw new IllegalArgumentException("txid must be 64 hex characters: " + value);
        }
        for (int i = 0; i < 64; i++) {
            if (Character.digit(value.charAt(i), 16) < 0) {
                throw new IllegalArgumentException("txid must be 64 hex characters: " + value);
            }
        }
        value = value.toLowerCase(java.util.Locale.ROOT);
    }

    public static TxId of(String value) {
        return new TxId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
