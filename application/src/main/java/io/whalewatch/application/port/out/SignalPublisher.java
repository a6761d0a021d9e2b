package io.whalewatch.application.port.out;

import io.whalewatch.domain.prediction.Prediction;
import io.whalewatch.domain.prediction.PredictionUpdate;

/**
 * Delivers whale alerts and their updates to subscribers (WebSocket clients, Redis, ...).
 *
 * <p>Contract: called on the pipeline thread after the prediction is durable, in alert-id order;
 * must return quickly (queue, never block on a slow subscriber) and must not throw.
 */
public interface SignalPublisher extends AutoCloseable {
    /** A new whale alert. */
    void publish(Prediction prediction);

    /** The fate of an alerted transaction changed (confirmed, replaced, dropped). */
    void publishUpdate(PredictionUpdate update);

    /** A short state for /health, e.g. "ok" or "redis unreachable". */
    default ComponentHealth health() {
        return ComponentHealth.ok("ok");
    }

    @Override
    default void close() {
    }
}
