package io.whalewatch.adapter.mempoolspace;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hand-off between the socket and the single pipeline thread. A small frame that arrives while
 * the pipeline is idle (nothing queued, nothing being handled: the usual case at 5-10 transactions a
 * second) is handled on the socket thread at once, which saves a thread wake-up on every alert's
 * path; items are still handled one at a time and in arrival order. Other frames take a slot of a
 * bounded number and their size from a bounded byte budget (so a few 64 MB resync frames cannot
 * fill the heap; a frame larger than the whole budget waits until it is alone): when the pipeline
 * falls behind, the socket thread blocks in {@link #submitFrame} and TCP backpressure reaches the
 * upstream; nothing is dropped.
 * Control items and enriched transactions take no slot, so they never block their senders.
 */
final class FramePipeline implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FramePipeline.class);
    private final LinkedBlockingQueue<PipelineItem> queue = new LinkedBlockingQueue<>();
    private final Semaphore frameSlots;
    /** The byte budget in KiB (a Semaphore counts ints; KiB keeps 4 GB within range). */
    private final Semaphore budgetKiB;
    private final int budgetTotalKiB;
    private final FrameDispatcher dispatcher;
    private final Thread thread;
    private volatile boolean running = true;
    /** Items queued or being handled; 0 means a new frame may be handled on the socket thread. */
    private final AtomicInteger outstanding = new AtomicInteger();
    /** Held while an item is handled, so the dispatcher never runs on two threads at once. */
    private final ReentrantLock handling = new ReentrantLock();
    /** Frames up to this many bytes may be handled on the socket thread (parsing one takes well under a millisecond). */
    static final int INLINE_MAX_BYTES = 256 * 1024;

    FramePipeline(int capacity, long budgetBytes, FrameDispatcher dispatcher) {
        this.frameSlots = new Semaphore(capacity);
        this.budgetTotalKiB = (int) Math.min(Integer.MAX_VALUE, Math.max(1, budgetBytes / 1024));
        this.budgetKiB = new Semaphore(budgetTotalKiB);
        this.dispatcher = dispatcher;
        this.thread = new Thread(this::run, "mempool-space-pipeline");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** True when this frame can be queued without waiting (the socket thread is the only producer). */
    boolean hasRoomFor(byte[] frame) {
        return frameSlots.availablePermits() > 0 && budgetKiB.availablePermits() >= costKiB(frame);
    }

    /**
     * Handles a small frame at once on this thread when nothing is pending; otherwise queues it,
     * waiting while the budget is used up. Returns false only when the pipeline is closing (the
     * frame no longer matters then).
     */
    boolean submitFrame(byte[] frame) throws InterruptedException {
        java.time.Instant receivedAt = java.time.Instant.now(); // before any backpressure wait: latency counts it
        if (frame.length <= INLINE_MAX_BYTES && running && outstanding.compareAndSet(0, 1)) {
            // Nothing is queued or being handled, and this thread is the only frame producer: handling
            // the frame here keeps the order. Items submitted meanwhile wait for the lock, then follow.
            handle(new PipelineItem.Frame(frame, receivedAt, 0));
            return true;
        }
        while (!frameSlots.tryAcquire(100, TimeUnit.MILLISECONDS)) {
            if (!running) {
                return false;
            }
        }
        int kib = costKiB(frame);
        while (!budgetKiB.tryAcquire(kib, 100, TimeUnit.MILLISECONDS)) {
            if (!running) {
                frameSlots.release();
                return false;
            }
        }
        outstanding.incrementAndGet();
        queue.add(new PipelineItem.Frame(frame, receivedAt, kib));
        return true;
    }

    /** True when this frame would be handled on the submitting thread (small, nothing pending). */
    boolean handlesInline(byte[] frame) {
        return frame.length <= INLINE_MAX_BYTES && outstanding.get() == 0;
    }

    /** What a frame takes from the budget: its length in KiB, at least 1, at most the whole budget. */
    private int costKiB(byte[] frame) {
        return (int) Math.min(budgetTotalKiB, Math.max(1, frame.length / 1024));
    }

    void submit(PipelineItem item) {
        outstanding.incrementAndGet();
        queue.add(item);
    }

    private void run() {
        while (running) {
            PipelineItem item;
            try {
                item = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                handle(item);
            } finally {
                if (item instanceof PipelineItem.Frame f) {
                    budgetKiB.release(f.costKiB());
                    frameSlots.release();
                }
            }
        }
    }

    /** Handles one item under the lock, then counts it done. */
    private void handle(PipelineItem item) {
        handling.lock();
        try {
            dispatcher.handle(item);
        } catch (RuntimeException e) {
            // The listener broke its contract; keep the stream alive regardless.
            LOG.error("mempool listener failed on {}", item.getClass().getSimpleName(), e);
        } finally {
            handling.unlock();
            outstanding.decrementAndGet();
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
