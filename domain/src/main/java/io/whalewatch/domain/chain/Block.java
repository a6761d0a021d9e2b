package io.whalewatch.domain.chain;

import java.time.Instant;
import java.util.Objects;

/** A block header as far as the detector cares: its height, hash and time. */
public record Block(int height, String hash, Instant timestamp) {
    public Block {
        if (height < 0) {
            throw new IllegalArgumentException("height must not be negative: " + height);
        }
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(timestamp, "timestamp");
    }
}
