package io.whalewatch.application.port.out;

import io.whalewatch.domain.accuracy.AccuracyReport;
import io.whalewatch.domain.prediction.Prediction;
import java.time.Instant;
import java.util.Objects;

/**
 * Something the operator (or an integration) is told about. The event id is unique and stable,
 * so receivers can deduplicate redeliveries and reject replays.
 */
public sealed interface Notification permits Notification.AccuracyAlert, Notification.WhaleAlert {
    String eventId();

    Instant at();

    /** How bad accuracy is. RECOVERED is sent once when it returns above the warning threshold. */
    enum Level { WARNING, CRITICAL, RECOVERED }

    /**
     * Accuracy crossed a threshold over a window.
     *
     * @param threshold the threshold crossed (the warning threshold for a recovery)
     */
    record AccuracyAlert(String eventId, Instant at, Level level, AccuracyReport report, double threshold) implements Notification {
        public AccuracyAlert {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(report, "report");
        }
    }

    /** A whale alert, for channels configured to receive them too. */
    record WhaleAlert(String eventId, Instant at, Prediction prediction) implements Notification {
        public WhaleAlert {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(prediction, "prediction");
        }
    }
}
