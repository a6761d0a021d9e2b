package io.whalewatch.adapter.notify.email;

import io.whalewatch.application.port.out.Notification.AccuracyAlert;
import io.whalewatch.application.port.out.Notification.Level;
import io.whalewatch.domain.accuracy.AccuracyReport;
import io.whalewatch.domain.accuracy.AccuracyWindow;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * An accuracy alert reduced to the formatted facts a mail states, so the text and the HTML body
 * say exactly the same thing. Percentages use {@link Locale#ROOT} (a dot, whatever the host locale).
 */
record AccuracyFacts(String eventId, Level level, String window, String windowDescription, String accuracy,
                     String threshold, String gap, String falsePositiveRate, long sampleSize, long accurate,
                     long dropped, int minimumSamples, String at) {

    static AccuracyFacts of(AccuracyAlert alert) {
        AccuracyReport r = alert.report();
        return new AccuracyFacts(alert.eventId(), alert.level(), r.window().label(), describe(r.window()),
                percent(r.accuracy()), threshold(alert.threshold()), gap(r.accuracy(), alert.threshold()),
                percent(r.falsePositiveRate()), r.counts().resolved(), r.counts().accurate(), r.counts().dropped(),
                r.minimumSamples(), DateTimeFormatter.ISO_INSTANT.format(alert.at()));
    }

    /** "WARNING", "CRITICAL" or "RECOVERED". */
    String levelName() {
        return level.name();
    }

    boolean recovered() {
        return level == Level.RECOVERED;
    }

    /** Which threshold the alert compares with, in words. */
    String thresholdName() {
        return level == Level.CRITICAL ? "critical" : "warning";
    }

    private static String describe(AccuracyWindow window) {
        return switch (window) {
            case LAST_HOUR -> "the last hour";
            case LAST_DAY -> "the last 24 hours";
            case LAST_WEEK -> "the last 7 days";
        };
    }

    /** 0.68 → "68.0%"; empty (too few samples) → "n/a". */
    private static String percent(OptionalDouble ratio) {
        return ratio.isPresent() ? String.format(Locale.ROOT, "%.1f%%", ratio.getAsDouble() * 100) : "n/a";
    }

    /** 0.7 → "70%", 0.725 → "72.5%": thresholds are configured numbers, shown without noise. */
    private static String threshold(double ratio) {
        String s = String.format(Locale.ROOT, "%.1f", ratio * 100);
        return (s.endsWith(".0") ? s.substring(0, s.length() - 2) : s) + "%";
    }

    /** "2.0 percentage points below" or "3.0 percentage points above". */
    private static String gap(OptionalDouble ratio, double threshold) {
        if (ratio.isEmpty()) {
            return "not measurable";
        }
        double points = (ratio.getAsDouble() - threshold) * 100;
        return String.format(Locale.ROOT, "%.1f percentage points %s", Math.abs(points), points < 0 ? "below" : "above");
    }
}
