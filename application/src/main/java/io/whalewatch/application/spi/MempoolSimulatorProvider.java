package io.whalewatch.application.spi;

/** Discovers mempool simulators ("simulator"). See {@link AdapterProvider} for the contract. */
public interface MempoolSimulatorProvider extends AdapterProvider<MempoolSimulator> {
}
