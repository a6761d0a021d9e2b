package io.whalewatch.adapter.mempoolspace;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hand-off between the socket and the single pipeline thread. Frames take a slot of a
 * bounded budget: when the pipeline falls behind, the socket thread blocks in
 * {@link #submitFrame} and TCP backpressure reaches the upstream; nothing is dropped.
 * Control items and enriched transactions take no slot, so they never block their senders.
 */
final class FramePipeline implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FramePipeline.class);
    private final LinkedBlockingQueue<PipelineItem> queue = new LinkedBlockingQueue<>();
    private final Semaphore frameSlots;
    private final FrameDispatcher dispatcher;
    private final Thread thread;
    private volatile boolean running = true;

    FramePipeline(int capacity, FrameDispatcher dispatcher) {
        this.frameSlots = new Semaphore(capacity);
        this.dispatcher = dispatcher;
        this.thread = new Thread(this::run, "mempool-space-pipeline");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** True when a frame can be queued without waiting. */
    boolean hasRoom() {
        return frameSlots.availablePermits() > 0;
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
        queue.add(new PipelineItem.Frame(text, receivedAt));
        return true;
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
                if (item instanceof PipelineItem.Frame) {
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
