package io.whalewatch.application.spi;

/**
 * The common shape of every provider: a stable lower-case {@link #name()} used in configuration
 * and a factory method. Implementations have a public no-arg constructor that does no I/O.
 *
 * @param <T> the port the provider creates
 */
public interface AdapterProvider<T> {
    /** The configuration name, e.g. "duckdb" or "websocket". */
    String name();

    /**
     * Creates the adapter. May do I/O (open files, bind ports).
     *
     * @throws AdapterException when settings are invalid or a resource is unavailable
     */
    T create(AdapterContext context);
}
