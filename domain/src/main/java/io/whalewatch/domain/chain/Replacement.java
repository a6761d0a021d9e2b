package io.whalewatch.domain.chain;

import java.util.Objects;

/** An RBF replacement: {@code replaced} was replaced by {@code by}. */
public record Replacement(TxId replaced, TxId by) {
    public Replacement {
        Objects.requireNonNull(replaced, "replaced");
        Objects.requireNonNull(by, "by");
    }
}
