package io.whalewatch.application.service;

import io.whalewatch.application.port.out.AlertNotifier;
import io.whalewatch.application.port.out.Notification;
import io.whalewatch.application.port.out.NotificationOutbox;
import io.whalewatch.application.port.out.NotificationOutbox.Delivery;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Notifications through a durable outbox: {@link #notify} renders the notification for every enabled
 * channel that accepts it and stores the deliveries before any attempt; one dispatcher thread sends
 * what is due, oldest first, marks it delivered, retries retryable failures with exponential backoff
 * and gives up after the maximum number of attempts (counted in the outbox, so across restarts) or on
 * a non-retryable failure. A delivery still pending at shutdown is sent after the next start.
 */
final class NotificationService implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(NotificationService.class.getName());
    private static final int BATCH = 100;
    private final NotificationOutbox outbox;
    private final Map<String, AlertNotifier> byChannel = new LinkedHashMap<>();
    private final RetryPolicy retry;
    private final Clock clock;
    private final ScheduledExecutorService dispatcher = Threads.scheduler("whalewatch-notify");
    private final java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();

    NotificationService(NotificationOutbox outbox, List<AlertNotifier> notifiers, RetryPolicy retry, Clock clock) {
        this.outbox = outbox;
        notifiers.forEach(n -> {
            if (byChannel.putIfAbsent(n.channel(), n) != null) {
                throw new IllegalArgumentException("two notifiers use the channel '" + n.channel() + "'");
            }
        });
        this.retry = retry;
        this.clock = clock;
    }

    /**
     * Records the notification for every channel that wants it (durable when this returns), then wakes
     * the dispatcher if it runs (before {@link #start} deliveries wait in the outbox).
     */
    void notify(Notification n) {
        Instant now = clock.instant();
        List<Delivery> deliveries = new ArrayList<>();
        for (AlertNotifier notifier : byChannel.values()) {
            if (notifier.accepts(n)) {
                deliveries.add(new Delivery(n.eventId(), notifier.channel(), kind(n), notifier.render(n), now, 0, now));
            }
        }
        if (!deliveries.isEmpty()) {
            outbox.enqueue(deliveries);
            wake();
        }
    }

    /** As {@link #notify}, on the dispatcher thread: for the pipeline, which must not wait for the store. */
    void notifyLater(Notification n) {
        submit(() -> notify(n));
    }

    /** Sends every delivery due now; returns how many attempts were made. Dispatcher thread (or tests). */
    int dispatchDue() {
        List<Delivery> due = outbox.due(clock.instant(), byChannel.keySet(), BATCH);
        due.forEach(this::attempt);
        return due.size();
    }

    private void attempt(Delivery d) {
        int attempts = d.attempts() + 1;
        try {
            byChannel.get(d.channel()).send(d.eventId(), d.payload());
            outbox.markDelivered(d.eventId(), d.channel(), clock.instant());
        } catch (AlertNotifier.DeliveryException e) {
            failed(d, attempts, e.getMessage(), e.retryable());
        } catch (RuntimeException e) {
            failed(d, attempts, e.toString(), true); // a notifier bug or an unexpected I/O error: worth another try
        }
    }

    private void failed(Delivery d, int attempts, String error, boolean retryable) {
        Instant now = clock.instant();
        var next = retryable ? retry.nextAttempt(attempts, now) : java.util.Optional.<Instant>empty();
        if (next.isPresent()) {
            outbox.markRetry(d.eventId(), d.channel(), attempts, next.get(), error);
        } else {
            outbox.markFailed(d.eventId(), d.channel(), attempts, error);
            LOG.log(System.Logger.Level.WARNING, "giving up {0} on {1} after {2} attempts: {3}", d.eventId(), d.channel(), attempts, error);
        }
    }

    /** Event ids of one kind recorded since {@code since} and when each was created, oldest first. */
    Map<String, Instant> recorded(String kind, Instant since) {
        Map<String, Instant> byEvent = new TreeMap<>();
        List<Delivery> all = outbox.createdSince(kind, since);
        all.forEach(d -> byEvent.merge(d.eventId(), d.createdAt(), (a, b) -> a.isBefore(b) ? a : b));
        Map<String, Instant> ordered = new LinkedHashMap<>();
        byEvent.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered;
    }

    long pending() {
        return outbox.pendingCount();
    }

    Set<String> channels() {
        return byChannel.keySet();
    }

    /** Starts polling the outbox (once a second, and whenever something is enqueued). */
    void start() {
        started.set(true);
        dispatcher.scheduleWithFixedDelay(this::dispatchQuietly, 0, 1, TimeUnit.SECONDS);
    }

    private void wake() {
        if (started.get()) {
            submit(this::dispatchQuietly);
        }
    }

    private void submit(Runnable task) {
        if (!dispatcher.isShutdown()) {
            try {
                dispatcher.execute(task);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                LOG.log(System.Logger.Level.DEBUG, "notification dispatcher stopped");
            }
        }
    }

    private void dispatchQuietly() {
        try {
            while (dispatchDue() == BATCH) {
                // a full batch: there may be more due right now
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "notification dispatch failed: " + e.getMessage(), e);
        }
    }

    private static String kind(Notification n) {
        return n instanceof Notification.AccuracyAlert ? AccuracyMonitor.KIND : "whale_alert";
    }

    /** Stops the dispatcher; an attempt in progress finishes (notifiers bound it by their own timeout). */
    @Override
    public void close() {
        Threads.stop(dispatcher);
    }
}
