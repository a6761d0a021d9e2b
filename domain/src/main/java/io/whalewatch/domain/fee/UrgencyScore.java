package io.whalewatch.domain.fee;

/** How urgently the sender wants the transaction mined: 0 (no hurry) to 1 (next block at any price). */
public record UrgencyScore(double value) {
    public UrgencyScore {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException("urgency must be within [0, 1]: " + value);
        }
    }

    public static UrgencyScore of(double value) {
        return new UrgencyScore(Math.max(0.0, Math.min(1.0, value)));
    }
}
