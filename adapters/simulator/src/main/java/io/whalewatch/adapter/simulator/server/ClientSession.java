package io.whalewatch.adapter.simulator.server;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One connected client: its subscriptions, its inbound rate window and its outbound backlog. */
final class ClientSession {
    private static final Logger LOG = LoggerFactory.getLogger(ClientSession.class);
    final Session session;
    private final Limits limits;
    private final AtomicLong backlog = new AtomicLong();
    private final ArrayDeque<Long> arrivals = new ArrayDeque<>();
    volatile boolean wantBlocks;
    volatile boolean wantStats;
    volatile boolean wantMempoolBlocks;
    volatile boolean trackMempool;
    volatile boolean trackMempoolTxids;

    ClientSession(Session session, Limits limits) {
        this.session = session;
        this.limits = limits;
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
        if (!session.isOpen()) {
            return false;
        }
        long len = text.length();
        if (backlog.get() > limits.maxBacklogBytes()) {
            close(CloseReason.CloseCodes.GOING_AWAY, "slow consumer");
            return false;
        }
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

    void close(CloseReason.CloseCode code, String reason) {
        try {
            session.close(new CloseReason(code, reason));
        } catch (IOException | RuntimeException e) {
            LOG.debug("close of {} failed: {}", session.getId(), e.toString());
        }
    }
}
