package io.whalewatch.application.fakes;

import io.whalewatch.application.port.out.SignalPublisher;
import io.whalewatch.domain.prediction.Prediction;
import io.whalewatch.domain.prediction.PredictionUpdate;
import java.util.ArrayList;
import java.util.List;

/** Records what was published. */
public final class RecordingPublisher implements SignalPublisher {
    public final List<Prediction> alerts = new ArrayList<>();
    public final List<PredictionUpdate> updates = new ArrayList<>();

    @Override
    public void publish(Prediction prediction) {
        alerts.add(prediction);
    }

    @Override
    public void publishUpdate(PredictionUpdate update) {
        updates.add(update);
    }
}
