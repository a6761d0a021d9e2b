package io.whalewatch.bootstrap.runtime;

import io.whalewatch.application.port.out.AccessTokens;
import io.whalewatch.application.spi.AccessTokensProvider;
import io.whalewatch.bootstrap.config.Settings;
import io.whalewatch.bootstrap.plugin.Plugins;
import java.time.Clock;

/** The configured access-token service (WHALEWATCH_TOKENS, "jwt" by default): the one place that picks it. */
public final class Tokens {
    private Tokens() {
    }

    public static AccessTokens of(Settings settings, Clock clock) {
        return Plugins.one(AccessTokensProvider.class, settings.get("WHALEWATCH_TOKENS")).create(Contexts.of(settings, clock));
    }
}
