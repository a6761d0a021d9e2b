package io.whalewatch.application.spi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The in-ports and shared out-ports an adapter may use (e.g. the web adapter needs
 * {@code GetHealthUseCase} and {@code AccessTokens}). Filled by bootstrap; immutable once built.
 */
public final class Ports {
    private final Map<Class<?>, Object> byType;

    private Ports(Map<Class<?>, Object> byType) {
        this.byType = Map.copyOf(byType);
    }

    public static Ports none() {
        return new Ports(Map.of());
    }

    /** A copy with one more port. */
    public <T> Ports with(Class<T> type, T port) {
        Map<Class<?>, Object> copy = new LinkedHashMap<>(byType);
        copy.put(type, type.cast(port));
        return new Ports(copy);
    }

    public <T> Optional<T> find(Class<T> type) {
        return Optional.ofNullable(byType.get(type)).map(type::cast);
    }

    /** The port, or an {@link AdapterException} naming what is missing. */
    public <T> T require(Class<T> type) {
        return find(type).orElseThrow(() -> new AdapterException("port " + type.getSimpleName() + " is not available here"));
    }
}
