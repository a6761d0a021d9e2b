package io.whalewatch.bootstrap.archfixture;

import io.whalewatch.support.archfixture.ConfigReadingHelper;

/** Violates "only adapters use support": bootstrap calling a support module. */
public final class SupportUser {
    private SupportUser() {
    }

    public static String port() {
        return ConfigReadingHelper.port(null);
    }
}
