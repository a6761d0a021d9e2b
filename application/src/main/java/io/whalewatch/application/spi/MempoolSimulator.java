package io.whalewatch.application.spi;

import java.net.URI;

/**
 * A protocol-faithful stand-in for mempool.space that generates traffic, for the demo, tests and
 * benchmarks. Not a port of the detector: bootstrap starts it next to (or instead of) the pipeline.
 */
public interface MempoolSimulator extends AutoCloseable {
    /** Binds and starts generating. Returns the WebSocket URL ({@code ws://host:port/api/v1/ws}). */
    URI start();

    /** The REST base URL ({@code http://host:port/api}). Valid after {@link #start}. */
    URI restBase();

    @Override
    void close();
}
