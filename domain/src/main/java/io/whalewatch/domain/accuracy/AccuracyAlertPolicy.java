package io.whalewatch.domain.accuracy;

import java.time.Instant;
import java.util.Objects;

/**
 * The accuracy alerting rule, applied to one window at a time.
 *
 * <ul>
 *   <li>Below the minimum sample count nothing is decided (no alert, state unchanged).</li>
 *   <li>Accuracy &lt; critical: CRITICAL; &lt; warning: WARNING; an alert fires unless one of the
 *       <em>same</em> level was sent for this window within the cooldown, so a WARNING never
 *       suppresses a CRITICAL (escalation always gets through).</li>
 *   <li>Accuracy &ge; warning after a WARNING or CRITICAL was announced: one RECOVERED, no cooldown
 *       (a recovery can only follow an announced degradation, so it cannot repeat on its own).</li>
 * </ul>
 */
public final class AccuracyAlertPolicy {
    private final AccuracyThresholds thresholds;

    public AccuracyAlertPolicy(AccuracyThresholds thresholds) {
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
    }

    public AccuracyAlertDecision decide(AccuracyReport report, AccuracyAlertState state, Instant now) {
        if (report.accuracy().isEmpty()) {
            return AccuracyAlertDecision.none(state);
        }
        double accuracy = report.accuracy().getAsDouble();
        if (accuracy < thresholds.critical()) {
            return degraded(AccuracyAlertKind.CRITICAL, state, now);
        }
        if (accuracy < thresholds.warning()) {
            return degraded(AccuracyAlertKind.WARNING, state, now);
        }
        if (state.announced().isPresent()) {
            return alert(AccuracyAlertKind.RECOVERED, state, now);
        }
        return AccuracyAlertDecision.none(state);
    }

    private AccuracyAlertDecision degraded(AccuracyAlertKind level, AccuracyAlertState state, Instant now) {
        Instant last = state.lastAlertAt().get(level);
        if (last != null && now.isBefore(last.plus(thresholds.cooldown()))) {
            return AccuracyAlertDecision.none(state);
        }
        return alert(level, state, now);
    }

    private static AccuracyAlertDecision alert(AccuracyAlertKind kind, AccuracyAlertState state, Instant now) {
        return new AccuracyAlertDecision(java.util.Optional.of(kind), state.afterAlert(kind, now));
    }

    public AccuracyThresholds thresholds() {
        return thresholds;
    }
}
