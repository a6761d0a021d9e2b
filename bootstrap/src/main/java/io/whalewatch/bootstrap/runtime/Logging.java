package io.whalewatch.bootstrap.runtime;

import org.slf4j.bridge.SLF4JBridgeHandler;

/** Routes java.util.logging (Tyrus, Grizzly) into SLF4J, so the operator follows one log stream; adds LOG_FILE. */
public final class Logging {
    private Logging() {
    }

    public static void install() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
            java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.INFO);
            LogFile.attachIfConfigured(System.getenv("LOG_FILE"));
        }
    }
}
