package io.whalewatch.application.port.out;

/** What the upstream says about a transaction when asked directly. */
public sealed interface TransactionStatus {
    /** Still unconfirmed in the upstream's mempool. */
    record InMempool() implements TransactionStatus { }

    /** Mined at this height. */
    record Mined(int height, java.time.Instant blockTime) implements TransactionStatus { }

    /** Unknown to the upstream (HTTP 404): dropped, replaced or never seen. */
    record NotFound() implements TransactionStatus { }

    /**
     * Gone from the mempool because {@code by} replaced it (RBF), as the upstream's replacement
     * history says ({@code by} is the newest transaction of the replacement chain). Lets a re-check
     * after an outage tell a replacement from a drop.
     */
    record Replaced(io.whalewatch.domain.chain.TxId by) implements TransactionStatus {
        public Replaced {
            java.util.Objects.requireNonNull(by, "by");
        }
    }

    /**
     * A conflicting transaction (one spending an input of this one) was mined at {@code height}:
     * this transaction can never confirm. Sources report it when they can tell (optional).
     */
    record Conflicted(io.whalewatch.domain.chain.TxId by, int height) implements TransactionStatus {
        public Conflicted {
            java.util.Objects.requireNonNull(by, "by");
        }
    }
}
