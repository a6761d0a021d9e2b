package io.whalewatch.domain.accuracy;

import java.time.Duration;
import java.util.Objects;

/**
 * When accuracy alerts fire: below {@code warning} is a WARNING, below {@code critical} a
 * CRITICAL; an alert of one level is not repeated within {@code cooldown} for the same window.
 */
public record AccuracyThresholds(double warning, double critical, Duration cooldown) {
    public static final double DEFAULT_WARNING = 0.75;
    public static final double DEFAULT_CRITICAL = 0.70;
    public static final Duration DEFAULT_COOLDOWN = Duration.ofHours(1);

    public AccuracyThresholds {
        Objects.requireNonNull(cooldown, "cooldown");
        if (!(critical >= 0 && critical <= warning && warning <= 1)) {
            throw new IllegalArgumentException("thresholds must satisfy 0 <= critical <= warning <= 1: critical="
                    + critical + ", warning=" + warning);
        }
        if (cooldown.isNegative()) {
            throw new IllegalArgumentException("cooldown must not be negative");
        }
    }

    public static AccuracyThresholds defaults() {
        return new AccuracyThresholds(DEFAULT_WARNING, DEFAULT_CRITICAL, DEFAULT_COOLDOWN);
    }
}
