package io.whalewatch.domain.accuracy;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the operator was last told about one window, and when each degraded level was last
 * alerted (for the per-level cooldown).
 *
 * @param announced   the degraded level last announced and not yet followed by a recovery; empty
 *                    when the operator's last word is "fine" (or nothing was ever sent)
 * @param lastAlertAt when a WARNING and a CRITICAL were last sent for this window
 */
public record AccuracyAlertState(Optional<AccuracyAlertKind> announced, Map<AccuracyAlertKind, Instant> lastAlertAt) {
    public AccuracyAlertState {
        Objects.requireNonNull(announced, "announced");
        lastAlertAt = Map.copyOf(lastAlertAt);
        if (announced.filter(k -> k == AccuracyAlertKind.RECOVERED).isPresent()) {
            throw new IllegalArgumentException("RECOVERED is not a degraded level");
        }
    }

    /** Nothing announced yet. */
    public static AccuracyAlertState initial() {
        return new AccuracyAlertState(Optional.empty(), Map.of());
    }

    /**
     * The state after an alert was sent; also used to rebuild the state from the recorded alerts
     * after a restart (replayed oldest first), so a restart does not break the cooldown.
     */
    public AccuracyAlertState afterAlert(AccuracyAlertKind kind, Instant at) {
        Objects.requireNonNull(at, "at");
        if (kind == AccuracyAlertKind.RECOVERED) {
            return new AccuracyAlertState(Optional.empty(), lastAlertAt);
        }
        Map<AccuracyAlertKind, Instant> times = new EnumMap<>(AccuracyAlertKind.class);
        times.putAll(lastAlertAt);
        times.put(kind, at);
        return new AccuracyAlertState(Optional.of(kind), times);
    }
}
