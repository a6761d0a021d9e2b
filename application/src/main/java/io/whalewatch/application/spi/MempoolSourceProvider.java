package io.whalewatch.application.spi;

import io.whalewatch.application.port.out.MempoolSource;

/** Discovers mempool sources ("mempool-space"). See {@link AdapterProvider} for the contract. */
public interface MempoolSourceProvider extends AdapterProvider<MempoolSource> {
}
