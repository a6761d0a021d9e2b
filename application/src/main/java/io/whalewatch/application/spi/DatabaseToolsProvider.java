package io.whalewatch.application.spi;

import io.whalewatch.application.port.out.DatabaseTools;

/**
 * Discovers the offline database tools of a store, by the store's name ("duckdb"). {@link #create}
 * opens nothing: the tools open files per call. See {@link AdapterProvider} for the contract.
 */
public interface DatabaseToolsProvider extends AdapterProvider<DatabaseTools> {
}
