package io.whalewatch.bootstrap.runtime;

import io.whalewatch.application.spi.AdapterContext;
import io.whalewatch.application.spi.Ports;
import io.whalewatch.bootstrap.config.Settings;
import java.time.Clock;

/** Builds the SPI context adapters are created with. */
public final class Contexts {
    private Contexts() {
    }

    public static AdapterContext of(Settings settings, Clock clock) {
        return new AdapterContext(settings.adapterConfig(), clock, Ports.none());
    }
}
