package io.whalewatch.adapter.publish.redis;

import io.whalewatch.application.port.out.SignalPublisher;
import io.whalewatch.domain.prediction.Prediction;
import io.whalewatch.domain.prediction.PredictionUpdate;
import java.util.Objects;

/** One message of the alert stream: a new alert or an update of an earlier one. */
sealed interface Signal permits Signal.Alert, Signal.Update {
    String TYPE_ALERT = "whale_alert";
    String TYPE_UPDATE = "alert_update";

    /** The wire type, {@value #TYPE_ALERT} or {@value #TYPE_UPDATE}. */
    String type();

    /** The alert this message is about. */
    long alertId();

    /** Hands the message to a local publisher, e.g. the WebSocket server of an edge node. */
    void deliverTo(SignalPublisher sink);

    /** A new whale alert. */
    record Alert(Prediction prediction) implements Signal {
        public Alert {
            Objects.requireNonNull(prediction, "prediction");
        }

        @Override
        public String type() {
            return TYPE_ALERT;
        }

        @Override
        public long alertId() {
            return prediction.alertId();
        }

        @Override
        public void deliverTo(SignalPublisher sink) {
            sink.publish(prediction);
        }
    }

    /** The fate of an alerted transaction changed. */
    record Update(PredictionUpdate update) implements Signal {
        public Update {
            Objects.requireNonNull(update, "update");
        }

        @Override
        public String type() {
            return TYPE_UPDATE;
        }

        @Override
        public long alertId() {
            return update.prediction().alertId();
        }

        @Override
        public void deliverTo(SignalPublisher sink) {
            sink.publishUpdate(update);
        }
    }
}
