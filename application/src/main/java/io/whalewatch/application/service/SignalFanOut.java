package io.whalewatch.application.service;

import io.whalewatch.application.port.out.SignalPublisher;
import io.whalewatch.domain.prediction.Prediction;
import io.whalewatch.domain.prediction.PredictionUpdate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Hands every alert to every attached publisher. A publisher that throws breaks its contract;
 * it is logged and the others still get the alert.
 */
final class SignalFanOut {
    private static final System.Logger LOG = System.getLogger(SignalFanOut.class.getName());
    private final List<SignalPublisher> publishers = new CopyOnWriteArrayList<>();

    void attach(SignalPublisher publisher) {
        publishers.add(publisher);
    }

    List<SignalPublisher> publishers() {
        return List.copyOf(publishers);
    }

    void publish(Prediction prediction) {
        each(p -> p.publish(prediction));
    }

    void publishUpdate(PredictionUpdate update) {
        each(p -> p.publishUpdate(update));
    }

    private void each(Consumer<SignalPublisher> action) {
        for (SignalPublisher p : publishers) {
            try {
                action.accept(p);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "publisher " + p.getClass().getSimpleName() + " failed", e);
            }
        }
    }
}
