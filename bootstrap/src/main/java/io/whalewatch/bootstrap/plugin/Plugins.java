package io.whalewatch.bootstrap.plugin;

import io.whalewatch.application.spi.AdapterException;
import io.whalewatch.application.spi.AdapterProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Finds providers with {@link ServiceLoader} and selects the enabled ones by name. Discovered is
 * not enabled: an unknown or duplicated name fails fast, listing what is available; enabled
 * providers come back in configuration order, not discovery order.
 */
public final class Plugins {
    private Plugins() {
    }

    /** Exactly one provider, by name. */
    public static <P extends AdapterProvider<?>> P one(Class<P> spi, String name) {
        return many(spi, List.of(name)).get(0);
    }

    /** The named providers, in the given order. */
    public static <P extends AdapterProvider<?>> List<P> many(Class<P> spi, List<String> names) {
        Map<String, P> available = discover(spi);
        List<P> chosen = new ArrayList<>();
        for (String name : names) {
            P provider = available.get(name);
            if (provider == null) {
                throw new AdapterException("no " + spi.getSimpleName() + " named '" + name + "'; available: " + available.keySet());
            }
            if (chosen.contains(provider)) {
                throw new AdapterException(spi.getSimpleName() + " '" + name + "' is enabled twice");
            }
            chosen.add(provider);
        }
        return chosen;
    }

    /** All providers of a kind, by name; two providers claiming one name is an error. */
    public static <P extends AdapterProvider<?>> Map<String, P> discover(Class<P> spi) {
        Map<String, P> byName = new LinkedHashMap<>();
        for (P provider : ServiceLoader.load(spi)) {
            P previous = byName.putIfAbsent(provider.name(), provider);
            if (previous != null && previous.getClass() != provider.getClass()) {
                throw new AdapterException("two " + spi.getSimpleName() + "s are named '" + provider.name() + "': "
                        + previous.getClass().getName() + " and " + provider.getClass().getName());
            }
        }
        return byName;
    }
}
