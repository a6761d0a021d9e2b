package io.whalewatch.application.fakes;

import io.whalewatch.application.port.out.AlertNotifier;
import io.whalewatch.application.port.out.Notification;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A channel that records what it was asked to send and fails as scripted. */
public final class RecordingNotifier implements AlertNotifier {
    private final String channel;
    private final Predicate<Notification> accepts;
    /** Event ids of successful sends, in order. */
    public final List<String> delivered = new CopyOnWriteArrayList<>();
    /** Every attempt (event ids), successful or not. */
    public final List<String> attempts = new CopyOnWriteArrayList<>();
    private final Deque<RuntimeException> failures = new ArrayDeque<>();

    public RecordingNotifier(String channel, Predicate<Notification> accepts) {
        this.channel = channel;
        this.accepts = accepts;
    }

    /** The next attempts throw these, in order. */
    public synchronized RecordingNotifier failNext(RuntimeException... errors) {
        failures.addAll(List.of(errors));
        return this;
    }

    @Override
    public String channel() {
        return channel;
    }

    @Override
    public boolean accepts(Notification n) {
        return accepts.test(n);
    }

    @Override
    public String render(Notification n) {
        return "{\"event\":\"" + n.eventId() + "\"}";
    }

    @Override
    public void send(String eventId, String payload) {
        attempts.add(eventId);
        RuntimeException failure;
        synchronized (this) {
            failure = failures.poll();
        }
        if (failure != null) {
            throw failure;
        }
        delivered.add(eventId);
    }
}
