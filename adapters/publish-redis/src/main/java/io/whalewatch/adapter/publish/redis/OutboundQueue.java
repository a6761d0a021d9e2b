package io.whalewatch.adapter.publish.redis;

import java.util.ArrayDeque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounded hand-off between the pipeline thread and the drain thread. {@link #offer} never
 * blocks: when full it drops the oldest message (the freshest alerts matter most to a trading
 * consumer; the stream's history is in the database anyway) and counts it.
 */
final class OutboundQueue {
    private static final Logger LOG = LoggerFactory.getLogger(OutboundQueue.class);
    private final ArrayDeque<Outbound> items = new ArrayDeque<>();
    private final int capacity;
    private long dropped;
    private boolean dropping;
    private boolean woken;

    OutboundQueue(int capacity) {
        this.capacity = capacity;
    }

    synchronized void offer(Outbound message) {
        if (items.size() >= capacity) {
            items.pollFirst();
            dropped++;
            if (!dropping) {
                LOG.warn("Redis publish queue full ({} messages): dropping the oldest until Redis catches up", capacity);
                dropping = true;
            }
        }
        items.addLast(message);
        notifyAll();
    }

    /** The oldest message, waiting up to {@code millis}; null on timeout or {@link #wakeUp()}. */
    synchronized Outbound poll(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (items.isEmpty() && !woken) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return null;
            }
            wait(left);
        }
        woken = false;
        Outbound head = items.pollFirst();
        if (items.isEmpty() && dropping) {
            LOG.info("Redis publish queue drained; {} messages dropped in total", dropped);
            dropping = false;
        }
        return head;
    }

    /** Ends a pending {@link #poll} early (shutdown). */
    synchronized void wakeUp() {
        woken = true;
        notifyAll();
    }

    synchronized int size() {
        return items.size();
    }

    synchronized long dropped() {
        return dropped;
    }
}
