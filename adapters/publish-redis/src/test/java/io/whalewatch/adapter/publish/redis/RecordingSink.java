package io.whalewatch.adapter.publish.redis;

import io.whalewatch.application.port.out.SignalPublisher;
import io.whalewatch.domain.prediction.Prediction;
import io.whalewatch.domain.prediction.PredictionUpdate;
import java.util.ArrayList;
import java.util.List;

/** A publisher that records what it is given (alerts as Prediction, updates as PredictionUpdate), in order. */
final class RecordingSink implements SignalPublisher {
    private final List<Object> received = new ArrayList<>();
    private final List<String> threads = new ArrayList<>();

    @Override
    public synchronized void publish(Prediction prediction) {
        received.add(prediction);
        threads.add(Thread.currentThread().getName());
    }

    @Override
    public synchronized void publishUpdate(PredictionUpdate update) {
        received.add(update);
        threads.add(Thread.currentThread().getName());
    }

    synchronized List<Object> received() {
        return List.copyOf(received);
    }

    synchronized List<String> threads() {
        return List.copyOf(threads);
    }

    synchronized int size() {
        return received.size();
    }
}
