package io.whalewatch.support.archfixture;

import io.whalewatch.application.spi.AdapterConfig;

/** Violates "support is a library": it reads whalewatch's adapter configuration. */
public final class ConfigReadingHelper {
    private ConfigReadingHelper() {
    }

    public static String port(AdapterConfig config) {
        return config.find("API_PORT").orElse("8001");
    }
}
