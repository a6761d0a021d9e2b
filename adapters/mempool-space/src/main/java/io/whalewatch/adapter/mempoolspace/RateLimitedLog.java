package io.whalewatch.adapter.mempoolspace;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Logs a warning per kind at most once per interval and says how many were suppressed, so that
 * a hostile or broken upstream cannot flood the log.
 */
final class RateLimitedLog {
    private final Logger log;
    private final long intervalNanos;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    RateLimitedLog(Logger log, long interval, TimeUnit unit) {
        this.log = log;
        this.intervalNanos = unit.toNanos(interval);
    }

    void warn(String kind, String message) {
        Window w = windows.computeIfAbsent(kind, k -> new Window());
        long now = System.nanoTime();
        long last = w.lastLogged.get();
        if (last != 0 && now - last < intervalNanos) {
            w.suppressed.incrementAndGet();
            return;
        }
        if (!w.lastLogged.compareAndSet(last, now == 0 ? 1 : now)) {
            w.suppressed.incrementAndGet();
            return;
        }
        long suppressed = w.suppressed.getAndSet(0);
        if (suppressed > 0) {
            log.warn("{} ({} similar suppressed)", message, suppressed);
        } else {
            log.warn(message);
        }
    }

    private static final class Window {
        final AtomicLong lastLogged = new AtomicLong();
        final AtomicLong suppressed = new AtomicLong();
    }
}
