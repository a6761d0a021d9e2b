package io.whalewatch.application.spi;

import io.whalewatch.application.port.out.SignalPublisher;

/** Discovers signal publishers ("websocket", "redis"). See {@link AdapterProvider} for the contract. */
public interface SignalPublisherProvider extends AdapterProvider<SignalPublisher> {
}
