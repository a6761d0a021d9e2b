package io.whalewatch.adapter.web.alert;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The hub's threads, all daemons: senders (drain client queues; two suffice because a send only
 * hands a frame to Grizzly), one timer (auth timeout, token expiry) and replayers (separate, since
 * a replay waits for its client's queue to drain and must not block the senders).
 */
final class HubThreads implements AutoCloseable {
    private final ExecutorService sender = Executors.newFixedThreadPool(2, named("ws-sender"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(named("ws-timer"));
    private final ExecutorService replay = Executors.newFixedThreadPool(2, named("ws-replay"));

    ExecutorService sender() {
        return sender;
    }

    ScheduledExecutorService timer() {
        return timer;
    }

    ExecutorService replay() {
        return replay;
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        for (ExecutorService e : new ExecutorService[] {replay, timer, sender}) {
            e.shutdownNow();
            try {
                e.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
