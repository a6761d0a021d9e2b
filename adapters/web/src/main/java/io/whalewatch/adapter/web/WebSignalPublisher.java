package io.whalewatch.adapter.web;

import io.whalewatch.adapter.web.alert.AlertHub;
import io.whalewatch.application.port.out.ComponentHealth;
import io.whalewatch.application.port.out.SignalPublisher;
import io.whalewatch.domain.prediction.Prediction;
import io.whalewatch.domain.prediction.PredictionUpdate;

/**
 * Publishes alerts to the WebSocket clients. {@link #publish} serialises once and only enqueues
 * per client, so it returns in microseconds whatever the clients do; sending happens on the
 * hub's sender threads.
 */
final class WebSignalPublisher implements SignalPublisher {
    private final AlertHub hub;
    private final WebServer server;

    WebSignalPublisher(AlertHub hub, WebServer server) {
        this.hub = hub;
        this.server = server;
    }

    AlertHub hub() {
        return hub;
    }

    @Override
    public void publish(Prediction prediction) {
        hub.publishAlert(prediction);
    }

    @Override
    public void publishUpdate(PredictionUpdate update) {
        hub.publishUpdate(update);
    }

    @Override
    public ComponentHealth health() {
        AlertHub.Stats s = hub.stats();
        return ComponentHealth.ok("ws port " + server.broadcasterPort() + ", " + s.connections() + " clients ("
                + s.authenticated() + " authenticated), " + s.alertsSent() + " alerts sent, "
                + s.slowConsumersDropped() + " slow consumers dropped");
    }

    @Override
    public void close() {
        server.close();
        hub.close();
    }
}
