package io.whalewatch.application.spi;

import java.time.Clock;
import java.util.Objects;

/** What bootstrap hands a provider's {@code create}: settings, the clock and available ports. */
public record AdapterContext(AdapterConfig config, Clock clock, Ports ports) {
    public AdapterContext {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(ports, "ports");
    }

    public <T> AdapterContext withPort(Class<T> type, T port) {
        return new AdapterContext(config, clock, ports.with(type, port));
    }
}
