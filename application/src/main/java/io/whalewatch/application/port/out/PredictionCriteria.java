package io.whalewatch.application.port.out;

import io.whalewatch.domain.detection.FlowType;
import io.whalewatch.domain.detection.SignalFlag;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Which predictions to list. Empty sets and empty optionals do not filter. Time bounds apply to the
 * detection time ({@code from} inclusive, {@code to} exclusive); exchanges match case-insensitively and
 * any of them suffices; flags: any of them; statuses: pending, confirmed, replaced, dropped.
 *
 * @param beforeAlertId keyset paging: only alerts with a smaller id (0 = from the newest)
 * @param limit         1..{@value #MAX_LIMIT} (the API allows less; the service asks one more to look ahead)
 */
public record PredictionCriteria(Optional<Instant> from, Optional<Instant> to, Set<FlowType> flowTypes,
        OptionalDouble minBtc, OptionalDouble maxBtc, OptionalDouble minUrgency, Set<String> exchanges,
        Set<String> statuses, Set<SignalFlag> flags, long beforeAlertId, int limit) {
    public static final int MAX_LIMIT = 10_000;
    public static final Set<String> STATUSES = Set.of("pending", "confirmed", "replaced", "dropped");

    public PredictionCriteria {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(minBtc, "minBtc");
        Objects.requireNonNull(maxBtc, "maxBtc");
        Objects.requireNonNull(minUrgency, "minUrgency");
        flowTypes = Set.copyOf(flowTypes);
        exchanges = Set.copyOf(exchanges);
        statuses = Set.copyOf(statuses);
        flags = Set.copyOf(flags);
        if (!STATUSES.containsAll(statuses)) {
            throw new IllegalArgumentException("status must be among " + STATUSES + ": " + statuses);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be within 1.." + MAX_LIMIT + ": " + limit);
        }
        if (beforeAlertId < 0) {
            throw new IllegalArgumentException("beforeAlertId must not be negative");
        }
    }

    /** Everything, newest first. */
    public static PredictionCriteria all(int limit) {
        return new PredictionCriteria(Optional.empty(), Optional.empty(), Set.of(), OptionalDouble.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), Set.of(), Set.of(), Set.of(), 0, limit);
    }

    /** Everything with an alert id below {@code alertId}, newest first, at most {@code limit}. */
    public static PredictionCriteria below(long alertId, int limit) {
        return all(limit).page(alertId, limit);
    }

    /** The same criteria for the page below {@code alertId}, fetching {@code newLimit}. */
    public PredictionCriteria page(long alertId, int newLimit) {
        return new PredictionCriteria(from, to, flowTypes, minBtc, maxBtc, minUrgency, exchanges, statuses, flags,
                alertId, newLimit);
    }
}
