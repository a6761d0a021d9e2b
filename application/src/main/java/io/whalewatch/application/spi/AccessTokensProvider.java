package io.whalewatch.application.spi;

import io.whalewatch.application.port.out.AccessTokens;

/** Discovers access-token services ("jwt"). See {@link AdapterProvider} for the contract. */
public interface AccessTokensProvider extends AdapterProvider<AccessTokens> {
}
