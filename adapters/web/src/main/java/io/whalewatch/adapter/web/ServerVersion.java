package io.whalewatch.adapter.web;

/** The version clients see in the welcome message: the jar's Implementation-Version when packaged. */
final class ServerVersion {
    private static final String FALLBACK = "0.1.0-SNAPSHOT";

    private ServerVersion() {
    }

    static String get() {
        String v = ServerVersion.class.getPackage().getImplementationVersion();
        return v == null || v.isBlank() ? FALLBACK : v;
    }
}
