package io.whalewatch.adapter.web.alert;

import jakarta.websocket.CloseReason;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.glassfish.tyrus.spi.CompletionHandler;
import org.glassfish.tyrus.spi.Writer;

/**
 * One client's bounded send queue. Producers (the pipeline thread, protocol replies, replay)
 * only enqueue; a sender thread writes and takes the next when the write completed. A client
 * that stops reading therefore makes only its own queue grow, and {@link #offer} reports when the
 * bound is reached so the caller can drop the client.
 *
 * <p>With the connection's {@link Writer} (see {@link io.whalewatch.support.tyrus.ConnectionWriters}) the sender writes the
 * messages' pre-encoded frames, those queued together in one write, and keeps going on the same
 * thread while writes complete at once (the usual case: the socket buffer has room), so a
 * message costs one executor hand-off, not two. Without it, each message goes through Tyrus'
 * {@code sendText}.
 */
final class Outbox {
    /** Per write: enough to catch up after a burst, small enough to stay one socket write or two. */
    private static final int BATCH_MESSAGES = 64;
    private static final int BATCH_CHARS = 64 * 1024;
    /** Writes in a row for one client before the thread moves on to others (fairness). */
    private static final int ROUNDS = 8;
    private final Session session;
    private final Writer raw;
    private final Executor sender;
    private final int capacity;
    private final SendCounts counts;
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    private final OutText[] batch = new OutText[BATCH_MESSAGES]; // used by the one running sender only
    private final CompletionHandler<ByteBuffer> written = new Written();
    private boolean sending;
    private boolean closed;
    private boolean writing;
    private boolean doneInline;

    /** {@code raw}: the connection's Writer for pre-encoded frames, or null to use Tyrus' sendText. */
    Outbox(Session session, Writer raw, Executor sender, int capacity, SendCounts counts) {
        this.session = session;
        this.raw = raw;
        this.sender = sender;
        this.capacity = capacity;
        this.counts = counts;
    }

    /** Enqueues a text message; false when the queue is full (a slow consumer). */
    boolean offer(String text) {
        return offer(new OutText(text));
    }

    /** Enqueues a message shared with other clients; false when the queue is full. */
    boolean offer(OutText message) {
        return enqueue(message, false, false);
    }

    /**
     * As {@link #offer(OutText)}, but when no send is under way and frames are pre-encoded, the
     * calling thread makes the first write itself instead of waking a sender thread. A write to a
     * socket with room costs microseconds and never blocks (Grizzly queues what the socket does not
     * take and completes it later on its own thread), while the hand-off costs a thread wake-up and,
     * on a busy machine, a wait for a core: the difference is most of the alert's time in the server
     * at low rates. Anything left after that write goes to the sender threads as usual.
     */
    boolean offerWritingFirst(OutText message) {
        return enqueue(message, false, raw != null);
    }

    boolean preEncoded() {
        return raw != null;
    }

    /** Sends what is queued, then closes with this reason; later offers are ignored. */
    void closeAfterDrain(CloseReason reason) {
        enqueue(reason, true, false);
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

    private boolean enqueue(Object item, boolean last, boolean writeFirst) {
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
        if (writeFirst) {
            counts.wroteOnPublisher();
            sendNext(1);
        } else {
            schedule();
        }
        return true;
    }

    private void schedule() {
        try {
            sender.execute(this::sendRounds);
        } catch (RejectedExecutionException e) {
            synchronized (this) {
                closed = true;
                queue.clear();
            }
        }
    }

    private void sendRounds() {
        sendNext(ROUNDS);
    }

    /** Sends up to {@code rounds} batches on this thread; the one sender while {@code sending} is set. */
    private void sendNext(int rounds) {
        for (int round = 0; round < rounds; round++) {
            Object next;
            int n = 0;
            synchronized (this) {
                next = queue.poll();
                if (next == null) {
                    sending = false;
                    notifyAll();
                    return;
                }
                if (raw != null && next instanceof OutText first) {
                    n = take(first);
                }
                notifyAll();
            }
            if (next instanceof CloseReason reason) {
                closeSession(reason);
                return;
            }
            if (raw == null) {
                sendViaTyrus((OutText) next);
                return;
            }
            if (!write(n)) {
                return; // completes later, on a Grizzly thread, which schedules the rest
            }
        }
        synchronized (this) {
            if (queue.isEmpty()) {
                sending = false;
                notifyAll();
                return;
            }
        }
        schedule(); // more queued: let other clients' sends go first
    }

    /** Moves {@code first} and the text messages queued right after it into the batch (lock held). */
    private int take(OutText first) {
        batch[0] = first;
        int n = 1;
        int chars = first.text().length();
        while (n < BATCH_MESSAGES && queue.peek() instanceof OutText more && chars + more.text().length() <= BATCH_CHARS) {
            queue.poll();
            batch[n++] = more;
            chars += more.text().length();
        }
        return n;
    }

    /** Writes the batch; true when the write already completed on this thread. */
    private boolean write(int n) {
        ByteBuffer frames = frames(n);
        counts.wrote(n);
        synchronized (this) {
            writing = true;
            doneInline = false;
        }
        try {
            raw.write(frames, written);
        } catch (RuntimeException e) {
            abandon();
            return false;
        }
        synchronized (this) {
            writing = false;
            return doneInline;
        }
    }

    private ByteBuffer frames(int n) {
        if (n == 1) {
            byte[] f = batch[0].frame();
            batch[0] = null;
            return ByteBuffer.wrap(f); // a view of the shared bytes; the write only reads them
        }
        int size = 0;
        for (int i = 0; i < n; i++) {
            size += batch[i].frame().length;
        }
        byte[] all = new byte[size];
        int at = 0;
        for (int i = 0; i < n; i++) {
            byte[] f = batch[i].frame();
            System.arraycopy(f, 0, all, at, f.length);
            at += f.length;
            batch[i] = null;
        }
        return ByteBuffer.wrap(all);
    }

    private void sendViaTyrus(OutText message) {
        counts.sentViaTyrus();
        try {
            session.getAsyncRemote().sendText(message.text(), this::sent);
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

    /** A write of pre-encoded frames completed: go on inline if its writer is still in write(). */
    private void writeCompleted() {
        synchronized (this) {
            if (writing) {
                doneInline = true;
                return;
            }
        }
        schedule();
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

    private final class Written extends CompletionHandler<ByteBuffer> {
        @Override
        public void completed(ByteBuffer result) {
            writeCompleted();
        }

        @Override
        public void failed(Throwable throwable) {
            abandon();
        }

        @Override
        public void cancelled() {
            abandon();
        }
    }
}
