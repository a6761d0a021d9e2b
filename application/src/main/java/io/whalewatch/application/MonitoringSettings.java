package io.whalewatch.application;

import io.whalewatch.application.spi.AdapterConfig;
import io.whalewatch.application.spi.AdapterException;
import io.whalewatch.domain.accuracy.AccuracyThresholds;
import java.time.Duration;
import java.util.Objects;

/**
 * How outcomes are finalised, accuracy is watched, notifications are retried and old data is purged.
 *
 * @param dropFinalAfter   a provisional drop becomes final after this long without confirming
 * @param minimumSamples   resolved predictions a window needs before it has an accuracy
 * @param thresholds       accuracy alert thresholds and cooldown
 * @param checkInterval    how often accuracy is checked (also once at start)
 * @param retryMaxAttempts delivery attempts per notification and channel, in total across restarts
 * @param retryDelay       the first retry's delay; each further retry waits twice as long
 * @param retention        predictions, outcomes and finished notifications older than this are deleted
 */
public record MonitoringSettings(Duration dropFinalAfter, int minimumSamples, AccuracyThresholds thresholds,
        Duration checkInterval, int retryMaxAttempts, Duration retryDelay, Duration retention) {

    public MonitoringSettings {
        Objects.requireNonNull(thresholds, "thresholds");
        requirePositive(dropFinalAfter, "dropFinalAfter");
        requirePositive(checkInterval, "checkInterval");
        requirePositive(retention, "retention");
        Objects.requireNonNull(retryDelay, "retryDelay");
        if (minimumSamples < 1 || retryMaxAttempts < 1 || retryDelay.isNegative()) {
            throw new IllegalArgumentException("minimumSamples and retryMaxAttempts must be at least 1, retryDelay >= 0");
        }
    }

    public static MonitoringSettings defaults() {
        return new MonitoringSettings(Duration.ofHours(24), 10, AccuracyThresholds.defaults(), Duration.ofSeconds(300),
                3, Duration.ofSeconds(5), Duration.ofDays(90));
    }

    /**
     * Reads DROP_FINAL_AFTER_HOURS, ACCURACY_MIN_SAMPLES, ACCURACY_WARNING_THRESHOLD,
     * ACCURACY_CRITICAL_THRESHOLD, ALERT_COOLDOWN_SECONDS, CHECK_INTERVAL, WEBHOOK_RETRY_MAX_ATTEMPTS,
     * WEBHOOK_RETRY_DELAY_SECONDS and RETENTION_DAYS; invalid values fail naming the setting.
     */
    public static MonitoringSettings from(AdapterConfig c) {
        double warning = c.getDouble("ACCURACY_WARNING_THRESHOLD", AccuracyThresholds.DEFAULT_WARNING, 0, 1);
        double critical = c.getDouble("ACCURACY_CRITICAL_THRESHOLD", AccuracyThresholds.DEFAULT_CRITICAL, 0, 1);
        if (critical > warning) {
            throw new AdapterException("ACCURACY_CRITICAL_THRESHOLD=" + critical
                    + " must not be above ACCURACY_WARNING_THRESHOLD=" + warning);
        }
        Duration cooldown = c.getSeconds("ALERT_COOLDOWN_SECONDS", AccuracyThresholds.DEFAULT_COOLDOWN);
        Duration interval = c.getSeconds("CHECK_INTERVAL", Duration.ofSeconds(300));
        if (interval.toMillis() < 1000) {
            throw new AdapterException("CHECK_INTERVAL=" + c.find("CHECK_INTERVAL").orElse("") + " is too short; allowed 1..31536000 seconds");
        }
        return new MonitoringSettings(
                dropFinalAfter(c),
                c.getInt("ACCURACY_MIN_SAMPLES", 10, 1, 1_000_000),
                new AccuracyThresholds(warning, critical, cooldown), interval,
                c.getInt("WEBHOOK_RETRY_MAX_ATTEMPTS", 3, 1, 100),
                c.getSeconds("WEBHOOK_RETRY_DELAY_SECONDS", Duration.ofSeconds(5)),
                Duration.ofDays(c.getInt("RETENTION_DAYS", 90, 1, 36_500)));
    }

    /**
     * DROP_FINAL_AFTER_HOURS accepts fractions (0.001 h = 3.6 s up to a year), so that end-to-end
     * tests and operators of test networks can watch drops become final without waiting an hour.
     */
    private static Duration dropFinalAfter(AdapterConfig c) {
        double hours = c.getDouble("DROP_FINAL_AFTER_HOURS", 24, 0.001, 24 * 365);
        return Duration.ofMillis(Math.round(hours * 3_600_000));
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
