package io.whalewatch.adapter.mempoolspace;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hand-off between the socket and the single pipeline thread. Frames take a slot of a
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
    boolean hasRoomFor(String text) {
        return frameSlots.availablePermits() > 0 && budgetKiB.availablePermits() >= costKiB(text);
    }

    /**
     * Queues a frame, waiting while the budget is used up. Returns false only when the
     * pipeline is closing (the frame no longer matters then).
     */
    boolean submitFrame(String text) throws InterruptedException {
        java.time.Instant receivedAt = java.time.Instant.now(); // before any backpressure wait: latency counts it
        while (!frameSlots.tryAcquire(100, TimeUnit.MILLISECONDS)) {
            if (!running) {
                return false;
            }
        }
        int kib = costKiB(text);
        while (!budgetKiB.tryAcquire(kib, 100, TimeUnit.MILLISECONDS)) {
            if (!running) {
                frameSlots.release();
                return false;
            }
        }
        queue.add(new PipelineItem.Frame(text, receivedAt, kib));
        return true;
    }

    /** What a frame takes from the budget: its length in KiB, at least 1, at most the whole budget. */
    private int costKiB(String text) {
        return (int) Math.min(budgetTotalKiB, Math.max(1, text.length() / 1024));
    }

    void submit(PipelineItem item) {
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
                dispatcher.handle(item);
            } catch (RuntimeException e) {
                // The listener broke its contract; keep the stream alive regardless.
                LOG.error("mempool listener failed on {}", item.getClass().getSimpleName(), e);
            } finally {
                if (item instanceof PipelineItem.Frame f) {
                    budgetKiB.release(f.costKiB());
                    frameSlots.release();
                }
            }
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
