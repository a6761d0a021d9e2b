package io.whalewatch.domain.prediction;

import io.whalewatch.domain.chain.TxId;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;

/** What became of a predicted transaction. */
public sealed interface Outcome permits Outcome.Pending, Outcome.Confirmed, Outcome.Replaced, Outcome.Dropped {

    /** The status name used on the wire and in {@code prediction_outcomes.outcome_status}. */
    String status();

    /** Still in the mempool, or not yet known. */
    record Pending() implements Outcome {
        @Override
        public String status() {
            return "pending";
        }
    }

    /**
     * Mined.
     *
     * @param blocksOff confirmation height minus predicted height (negative = earlier than predicted)
     */
    record Confirmed(int height, Instant confirmedAt, int blocksOff) implements Outcome {
        public Confirmed {
            Objects.requireNonNull(confirmedAt, "confirmedAt");
        }

        @Override
        public String status() {
            return "confirmed";
        }
    }

    /**
     * Replaced (RBF) by another transaction, which is followed in its place: the replacement's
     * confirmation resolves the original prediction as confirmed.
     *
     * @param feeBump the replacement's fee rate minus the original's, in sat/vB, when the
     *                replacement's fee rate is known (it usually arrives in the same delta)
     */
    record Replaced(TxId by, Instant at, OptionalDouble feeBump) implements Outcome {
        public Replaced {
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(feeBump, "feeBump");
        }

        /** A replacement whose fee rate is not known. */
        public Replaced(TxId by, Instant at) {
            this(by, at, OptionalDouble.empty());
        }

        @Override
        public String status() {
            return "replaced";
        }
    }

    /**
     * Left the mempool without being mined or replaced. Provisional until a conflicting
     * transaction confirms or the horizon passes; a provisional drop that later confirms
     * becomes {@link Confirmed}.
     */
    record Dropped(boolean provisional, Instant at) implements Outcome {
        public Dropped {
            Objects.requireNonNull(at, "at");
        }

        @Override
        public String status() {
            return "dropped";
        }
    }
}
