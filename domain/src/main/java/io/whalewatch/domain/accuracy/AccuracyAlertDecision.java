package io.whalewatch.domain.accuracy;

import java.util.Objects;
import java.util.Optional;

/** The outcome of one check of one window: the alert to send, if any, and the state to keep. */
public record AccuracyAlertDecision(Optional<AccuracyAlertKind> alert, AccuracyAlertState next) {
    public AccuracyAlertDecision {
        Objects.requireNonNull(alert, "alert");
        Objects.requireNonNull(next, "next");
    }

    static AccuracyAlertDecision none(AccuracyAlertState unchanged) {
        return new AccuracyAlertDecision(Optional.empty(), unchanged);
    }
}
