package io.whalewatch.adapter.simulator.server;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.glassfish.tyrus.spi.CompletionHandler;
import org.glassfish.tyrus.spi.Writer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connected client: its subscriptions, its inbound rate window and its outbound backlog.
 * Sends are made under this object's lock and each is handed to the connection's write queue
 * before the lock is released (Tyrus' sendText does so too), so frames reach the client in the
 * order of the calls, whichever path each took.
 */
final class ClientSession {
    private static final Logger LOG = LoggerFactory.getLogger(ClientSession.class);
    final Session session;
    private final Limits limits;
    private final Writer raw;
    private final ReplayCounts counts;
    private final AtomicLong backlog = new AtomicLong();
    private final ArrayDeque<Long> arrivals = new ArrayDeque<>();
    volatile boolean wantBlocks;
    volatile boolean wantStats;
    volatile boolean wantMempoolBlocks;
    volatile boolean trackMempool;
    volatile boolean trackMempoolTxids;

    /** {@code raw}: the connection's Writer for pre-framed replay frames, or null to use sendText. */
    ClientSession(Session session, Limits limits, Writer raw, ReplayCounts counts) {
        this.session = session;
        this.limits = limits;
        this.raw = raw;
        this.counts = counts;
    }

    /** Whether this client receives the message type {@code key}. */
    boolean accepts(String key) {
        return switch (key) {
            case "block", "blocks" -> wantBlocks;
            case "mempoolInfo", "vBytesPerSecond", "transactions", "da", "fees" -> wantStats;
            case "mempool-blocks" -> wantMempoolBlocks;
            case "mempool-transactions" -> trackMempool;
            case "mempool-txids" -> trackMempoolTxids;
            default -> true;
        };
    }

    /** This client's frame out of all pieces of an update, or null when it gets nothing. */
    String frameFor(Map<String, String> pieces, java.util.Set<String> canonicalKeys, String canonical) {
        Map<String, String> mine = new java.util.LinkedHashMap<>();
        pieces.forEach((k, v) -> {
            if (accepts(k)) {
                mine.put(k, v);
            }
        });
        if (mine.isEmpty()) {
            return null;
        }
        return mine.keySet().equals(canonicalKeys) ? canonical : io.whalewatch.adapter.simulator.wire.Frames.join(mine);
    }

    long backlog() {
        return backlog.get();
    }

    /** True when this message exceeds the rate limit (the caller closes). */
    synchronized boolean overRate(long nowMillis) {
        arrivals.addLast(nowMillis);
        while (!arrivals.isEmpty() && arrivals.peekFirst() <= nowMillis - limits.windowMillis()) {
            arrivals.removeFirst();
        }
        return arrivals.size() > limits.maxMessages();
    }

    /**
     * Queues a text frame; a client whose backlog exceeds the limit is cut off like a slow consumer.
     * Returns whether the frame was handed to the socket.
     */
    synchronized boolean send(String text) {
        if (!admit()) {
            return false;
        }
        long len = text.length();
        backlog.addAndGet(len);
        try {
            session.getAsyncRemote().sendText(text, result -> backlog.addAndGet(-len));
            return true;
        } catch (RuntimeException e) {
            backlog.addAndGet(-len);
            LOG.debug("send to {} failed: {}", session.getId(), e.toString());
            return false;
        }
    }

    /**
     * Queues a replayed frame: its ready-made bytes written to the connection when there is a
     * captured Writer and the line is valid UTF-8, else its text through sendText. Same backlog
     * rule as {@link #send(String)}; here the backlog counts the frame's bytes.
     */
    synchronized boolean send(ReplayFrame frame) {
        if (raw == null || !frame.utf8()) {
            counts.sentViaTyrus();
            return send(frame.text());
        }
        if (!admit()) {
            return false;
        }
        long len = frame.frameLength();
        backlog.addAndGet(len);
        counts.wrotePreFramed(); // before the write: a client may have the bytes before write() returns
        try {
            raw.write(frame.frame(), new Written(len));
            return true;
        } catch (RuntimeException e) {
            backlog.addAndGet(-len);
            LOG.debug("write to {} failed: {}", session.getId(), e.toString());
            return false;
        }
    }

    /** Whether a frame may be queued now; closes a client whose backlog is over the limit (lock held). */
    private boolean admit() {
        if (!session.isOpen()) {
            return false;
        }
        if (backlog.get() > limits.maxBacklogBytes()) {
            close(CloseReason.CloseCodes.GOING_AWAY, "slow consumer");
            return false;
        }
        return true;
    }

    void close(CloseReason.CloseCode code, String reason) {
        try {
            session.close(new CloseReason(code, reason));
        } catch (IOException | RuntimeException e) {
            LOG.debug("close of {} failed: {}", session.getId(), e.toString());
        }
    }

    /** Takes a pre-framed write off the backlog once it is done, whichever way it ended. */
    private final class Written extends CompletionHandler<ByteBuffer> {
        private final long len;

        Written(long len) {
            this.len = len;
        }

        @Override
        public void completed(ByteBuffer result) {
            backlog.addAndGet(-len);
        }

        @Override
        public void failed(Throwable throwable) {
            backlog.addAndGet(-len);
            LOG.debug("write to {} failed: {}", session.getId(), throwable.toString());
        }

        @Override
        public void cancelled() {
            backlog.addAndGet(-len);
        }
    }
}
