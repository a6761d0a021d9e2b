package io.whalewatch.adapter.web.alert;

import jakarta.websocket.CloseReason;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * One client's bounded send queue. Producers (the pipeline thread, protocol replies, replay)
 * only enqueue; a sender thread writes one message at a time with Tyrus' async API and takes the
 * next when the write completed. A client that stops reading therefore makes only its own queue
 * grow, and {@link #offer} reports when the bound is reached so the caller can drop the client.
 */
final class Outbox {
    private final Session session;
    private final Executor sender;
    private final int capacity;
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    private boolean sending;
    private boolean closed;

    Outbox(Session session, Executor sender, int capacity) {
        this.session = session;
        this.sender = sender;
        this.capacity = capacity;
    }

    /** Enqueues a text message; false when the queue is full (a slow consumer). */
    boolean offer(String text) {
        return enqueue(text, false);
    }

    /** Sends what is queued, then closes with this reason; later offers are ignored. */
    void closeAfterDrain(CloseReason reason) {
        enqueue(reason, true);
    }

    /** Discards what is queued and closes now. */
    void closeNow(CloseReason reason) {
        synchronized (this) {
            queue.clear();
            closed = true;
            notifyAll();
        }
        // Off the caller's thread: the caller may be the pipeline, which must never wait on a client.
        try {
            sender.execute(() -> closeSession(reason));
        } catch (RejectedExecutionException e) {
            closeSession(reason);
        }
    }

    synchronized int size() {
        return queue.size();
    }

    /** Blocks until the queue is at most half full; false on timeout or when closed. */
    synchronized boolean awaitRoom(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!closed && queue.size() > capacity / 2) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return !closed;
    }

    private boolean enqueue(Object item, boolean last) {
        synchronized (this) {
            if (closed) {
                return true;
            }
            if (!last && queue.size() >= capacity) {
                return false;
            }
            queue.add(item);
            closed = last;
            if (sending) {
                return true;
            }
            sending = true;
        }
        schedule();
        return true;
    }

    private void schedule() {
        try {
            sender.execute(this::sendNext);
        } catch (RejectedExecutionException e) {
            synchronized (this) {
                closed = true;
                queue.clear();
            }
        }
    }

    private void sendNext() {
        Object next;
        synchronized (this) {
            next = queue.poll();
            notifyAll();
            if (next == null) {
                sending = false;
                return;
            }
        }
        if (next instanceof CloseReason reason) {
            closeSession(reason);
            return;
        }
        try {
            session.getAsyncRemote().sendText((String) next, this::sent);
        } catch (RuntimeException e) {
            abandon();
        }
    }

    private void sent(SendResult result) {
        if (result.isOK()) {
            schedule();
        } else {
            abandon();
        }
    }

    private void abandon() {
        synchronized (this) {
            closed = true;
            queue.clear();
            sending = false;
            notifyAll();
        }
    }

    private void closeSession(CloseReason reason) {
        try {
            if (session.isOpen()) {
                session.close(reason);
            }
        } catch (IOException | RuntimeException e) {
            // The connection is already gone; nothing to tell the client.
        }
    }
}
