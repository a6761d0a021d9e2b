package io.whalewatch.domain.accuracy;

import java.time.Duration;

/** The windows accuracy is measured over. */
public enum AccuracyWindow {
    LAST_HOUR(Duration.ofHours(1), "1h"),
    LAST_DAY(Duration.ofHours(24), "24h"),
    LAST_WEEK(Duration.ofDays(7), "7d");

    private final Duration length;
    private final String label;

    AccuracyWindow(Duration length, String label) {
        this.length = length;
        this.label = label;
    }

    public Duration length() {
        return length;
    }

    /** "1h", "24h" or "7d", as used in the API and notifications. */
    public String label() {
        return label;
    }
}
