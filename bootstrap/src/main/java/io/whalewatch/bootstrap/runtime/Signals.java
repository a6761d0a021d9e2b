package io.whalewatch.bootstrap.runtime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/** POSIX signal hooks beyond the JVM's shutdown hooks (SIGHUP = reload, as daemons conventionally do). */
final class Signals {
    private static final Logger LOG = LoggerFactory.getLogger(Signals.class);

    private Signals() {
    }

    static void onHangup(Runnable action) {
        try {
            Signal.handle(new Signal("HUP"), s -> action.run());
        } catch (IllegalArgumentException e) {
            LOG.debug("SIGHUP not available on this platform: {}", e.getMessage());
        }
    }
}
