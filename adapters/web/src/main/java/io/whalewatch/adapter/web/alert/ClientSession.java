package io.whalewatch.adapter.web.alert;

import io.whalewatch.application.port.out.AccessTokens.ClientPrincipal;
import io.whalewatch.application.port.out.AccessTokens.Permission;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

/**
 * The state of one alert connection: who it is, what it wants, its send queue, and while a resume
 * replay runs, the live messages held back so that replay and live stream join with no gap and
 * no duplicate.
 */
final class ClientSession {
    private final Session ws;
    private final Outbox outbox;
    private final RateWindow rate;
    private final int holdLimit;
    private final Object streamLock = new Object();
    private final List<Held> held = new ArrayList<>();
    private boolean replaying;
    private long lastAlertId = -1;
    private volatile ClientPrincipal principal;
    private volatile AlertFilter filter = AlertFilter.ALL;
    private volatile ScheduledFuture<?> timer;

    private record Held(long alertId, boolean alert, OutText message) {
    }

    ClientSession(Session ws, Outbox outbox, RateWindow rate, int holdLimit) {
        this.ws = ws;
        this.outbox = outbox;
        this.rate = rate;
        this.holdLimit = holdLimit;
    }

    String id() {
        return ws.getId();
    }

    Outbox outbox() {
        return outbox;
    }

    RateWindow rate() {
        return rate;
    }

    ClientPrincipal principal() {
        return principal;
    }

    /**
     * Queues the welcome and marks the client authenticated in one step, so that the welcome
     * precedes every alert and every alert published after the welcome reaches the client.
     */
    boolean authenticate(ClientPrincipal p, String welcome) {
        synchronized (streamLock) {
            // The principal first: once the welcome is queued it may reach the client at once, and an
            // alert published right then must see an authenticated session. Such an alert waits for
            // streamLock in deliver(), so it still lands after the welcome.
            this.principal = p;
            return outbox.offer(welcome);
        }
    }

    boolean receivesAlerts() {
        ClientPrincipal p = principal;
        return p != null && p.has(Permission.READ);
    }

    AlertFilter filter() {
        return filter;
    }

    void filter(AlertFilter f) {
        this.filter = f;
    }

    /** Replaces the pending timer (auth timeout, then token expiry). */
    void timer(ScheduledFuture<?> next) {
        ScheduledFuture<?> previous = timer;
        timer = next;
        if (previous != null) {
            previous.cancel(false);
        }
    }

    /**
     * A live message; false when the client cannot keep up. Alerts at or below the last alert id
     * sent are skipped: the pipeline persists before it publishes, so a replay may already have
     * read from the store an alert whose live copy is still on its way.
     */
    boolean deliver(long alertId, boolean alert, OutText message) {
        return deliver(alertId, alert, message, false);
    }

    /** As {@link #deliver(long, boolean, OutText)}; {@code writeFirst}: see {@link Outbox#offerWritingFirst}. */
    boolean deliver(long alertId, boolean alert, OutText message, boolean writeFirst) {
        synchronized (streamLock) {
            if (replaying) {
                held.add(new Held(alertId, alert, message));
                return held.size() <= holdLimit;
            }
            if (alert && alertId <= lastAlertId) {
                return true;
            }
            lastAlertId = alert ? alertId : lastAlertId;
            return writeFirst ? outbox.offerWritingFirst(message) : outbox.offer(message);
        }
    }

    /** Starts holding live messages back; false if a replay is already running. */
    boolean beginReplay() {
        synchronized (streamLock) {
            if (replaying) {
                return false;
            }
            replaying = true;
            held.clear();
            return true;
        }
    }

    /** Ends the replay at {@code lastReplayed}: held alerts already replayed are skipped. */
    boolean finishReplay(long lastReplayed) {
        synchronized (streamLock) {
            replaying = false;
            lastAlertId = Math.max(lastAlertId, lastReplayed);
            boolean ok = true;
            for (Held h : held) {
                ok = ok && deliver(h.alertId(), h.alert(), h.message());
            }
            held.clear();
            return ok;
        }
    }

    void close(CloseReason reason) {
        timer(null);
        outbox.closeNow(reason);
    }

    void closeAfterDrain(CloseReason reason) {
        timer(null);
        outbox.closeAfterDrain(reason);
    }
}
