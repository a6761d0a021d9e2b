package io.whalewatch.application.port.out;

import io.whalewatch.domain.chain.TxId;
import io.whalewatch.domain.prediction.Prediction;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Read-only queries over stored predictions and their outcomes, for the REST API and the dashboard.
 * Offered by a store through {@link PredictionRepository#port(Class)}. Thread-safe; failures surface
 * as {@link StoreException}.
 */
public interface PredictionQueries {
    /** Predictions matching the criteria, newest first (descending alert id), at most {@code criteria.limit()}. */
    List<StoredPrediction> find(PredictionCriteria criteria);

    /** One prediction by its prediction id or its transaction id (the first alert of that txid). */
    Optional<StoredPrediction> findById(String predictionIdOrTxid);

    /**
     * BTC moved per bucket and exchange, by flow direction, over {@code [from, to)}. A whale counts for every
     * exchange it names: an inflow for its destination exchange(s), an outflow for its source exchange,
     * an internal move for both sides. Unknown flows are excluded. Ordered by bucket, then exchange.
     */
    List<FlowBucket> flows(Bucket bucket, Instant from, Instant to);

    /** Alerts and BTC per bucket over {@code [from, to)}, buckets with alerts only, in time order. */
    List<VolumeBucket> volume(Bucket bucket, Instant from, Instant to);

    /** Time bucket widths (UTC). */
    enum Bucket {
        HOUR, DAY;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A stored prediction with its current outcome. */
    record StoredPrediction(Prediction prediction, StoredOutcome outcome) {
        public StoredPrediction {
            Objects.requireNonNull(prediction, "prediction");
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /**
     * The outcome as stored: {@code status} pending (no outcome yet), confirmed, replaced or dropped.
     *
     * @param replacedBy   the replacing transaction, also kept after a confirmation through it
     * @param accurate     empty while not final
     * @param determinedAt when the outcome was determined; empty while pending
     */
    record StoredOutcome(String status, boolean provisional, OptionalInt confirmationBlock, OptionalInt blocksOff,
            OptionalLong timeToConfirmationSeconds, Optional<TxId> replacedBy, Optional<Boolean> accurate,
            Optional<Instant> determinedAt) {
        public StoredOutcome {
            Objects.requireNonNull(status, "status");
        }

        public static StoredOutcome pending() {
            return new StoredOutcome("pending", false, OptionalInt.empty(), OptionalInt.empty(), OptionalLong.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    /** One bucket's flows for one exchange. */
    record FlowBucket(Instant start, String exchange, double inflowBtc, double outflowBtc, double internalBtc, long count) {
    }

    /** One bucket's alert volume. */
    record VolumeBucket(Instant start, long alerts, double btc) {
    }
}
