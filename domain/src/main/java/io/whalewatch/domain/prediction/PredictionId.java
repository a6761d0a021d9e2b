package io.whalewatch.domain.prediction;

import io.whalewatch.domain.chain.TxId;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A prediction's identity. Derived from the txid (a name-based UUID), so detecting the same
 * transaction again, after a reconnect or a crash, yields the same id and a redelivery is
 * recognisable as such.
 */
public record PredictionId(String value) {
    public PredictionId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("prediction id must not be blank");
        }
    }

    public static PredictionId forTransaction(TxId txid) {
        byte[] name = ("whalewatch:prediction:" + txid.value()).getBytes(StandardCharsets.UTF_8);
        return new PredictionId(UUID.nameUUIDFromBytes(name).toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
