package io.whalewatch.adapter.mempoolspace;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies {@link Liveness} to the current session on a timer: sends {@code {"action":"ping"}}
 * after silence and abandons the session when the ping stays unanswered, so the connector
 * replaces it (defaults: 30 s + 5 s, plus the first reconnect delay of 2–4 s: under a minute).
 */
final class KeepaliveWatchdog implements AutoCloseable {
    static final String PING = "{\"action\":\"ping\"}";
    private static final Logger LOG = LoggerFactory.getLogger(KeepaliveWatchdog.class);
    private final MempoolSpaceSettings settings;
    private final Liveness liveness;
    private final Supplier<LiveSession> current;
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("mempool-space-keepalive"));

    KeepaliveWatchdog(MempoolSpaceSettings settings, Liveness liveness, Supplier<LiveSession> current) {
        this.settings = settings;
        this.liveness = liveness;
        this.current = current;
    }

    void start() {
        long shortest = Math.min(settings.pingAfter().toMillis(), settings.pongTimeout().toMillis());
        long tick = Math.max(20, Math.min(1_000, shortest / 5));
        timer.scheduleWithFixedDelay(this::check, tick, tick, TimeUnit.MILLISECONDS);
    }

    private void check() {
        try {
            LiveSession live = current.get();
            if (live != null) {
                judge(live);
            }
        } catch (RuntimeException e) {
            // An exception would cancel the scheduled task and silently end keepalive.
            LOG.warn("keepalive check failed: {}", e.toString());
        }
    }

    private void judge(LiveSession live) {
        switch (liveness.check(System.nanoTime())) {
            case PING -> live.session().getAsyncRemote().sendText(PING);
            case DEAD -> {
                LOG.warn("no frame from {} within {} ms after a ping; replacing the connection",
                        settings.wsUrl(), settings.pongTimeout().toMillis());
                live.endpoint().abandon();
            }
            default -> { }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
