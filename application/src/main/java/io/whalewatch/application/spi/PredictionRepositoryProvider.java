package io.whalewatch.application.spi;

import io.whalewatch.application.port.out.PredictionRepository;

/** Discovers prediction stores ("duckdb"). See {@link AdapterProvider} for the contract. */
public interface PredictionRepositoryProvider extends AdapterProvider<PredictionRepository> {
}
