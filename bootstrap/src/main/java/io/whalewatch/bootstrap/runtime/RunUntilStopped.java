package io.whalewatch.bootstrap.runtime;

import io.whalewatch.bootstrap.config.Settings;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the service until SIGINT/SIGTERM, then shuts down gracefully: the shutdown hook closes the
 * runtime (source drained and closed first, store flushed last). SIGHUP reloads the address book.
 */
public final class RunUntilStopped {
    private static final Logger LOG = LoggerFactory.getLogger(RunUntilStopped.class);

    private RunUntilStopped() {
    }

    public static int run(Settings settings) {
        return run(settings, runtime -> { });
    }

    /** Starts, calls {@code onStarted} (e.g. to print URLs), then blocks until the JVM is asked to stop. */
    public static int run(Settings settings, java.util.function.Consumer<WhaleWatchRuntime> onStarted) {
        WhaleWatchRuntime runtime = WhaleWatchRuntime.start(settings, Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("shutting down");
            runtime.close();
            LOG.info("stopped");
            stopped.countDown();
        }, "whalewatch-shutdown"));
        Signals.onHangup(() -> reloadAddressBook(runtime));
        onStarted.accept(runtime);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static void reloadAddressBook(WhaleWatchRuntime runtime) {
        try {
            runtime.addressBook().reload();
            LOG.info("address book reloaded: {} addresses", runtime.addressBook().size());
        } catch (RuntimeException e) {
            LOG.error("address book reload failed, keeping the current one: {}", e.getMessage());
        }
    }
}
