package io.whalewatch.application.spi;

/** Discovers signal feeds ("redis"). See {@link AdapterProvider} for the contract. */
public interface SignalFeedProvider extends AdapterProvider<SignalFeed> {
}
