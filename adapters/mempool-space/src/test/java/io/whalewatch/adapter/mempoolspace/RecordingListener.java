package io.whalewatch.adapter.mempoolspace;

import io.whalewatch.application.port.out.MempoolListener;
import io.whalewatch.domain.chain.Block;
import io.whalewatch.domain.chain.MempoolDelta;
import io.whalewatch.domain.fee.ProjectedBlock;
import io.whalewatch.domain.fee.RecommendedFees;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Records every listener call in order, and on which thread; checks the calls never overlap (the
 * contract allows different threads, one call at a time).
 */
class RecordingListener implements MempoolListener {
    private final List<Object> events = new ArrayList<>();
    private final List<String> threads = new ArrayList<>();
    private final java.util.concurrent.atomic.AtomicBoolean inCall = new java.util.concurrent.atomic.AtomicBoolean();
    volatile boolean calledConcurrently;

    /** Call at the start of an overriding method that blocks, so an overlapping call is noticed. */
    void entering() {
        if (!inCall.compareAndSet(false, true)) {
            calledConcurrently = true;
        }
    }

    void leaving() {
        inCall.set(false);
    }

    private void record(Object event) {
        entering();
        try {
            synchronized (this) {
                events.add(event);
                threads.add(Thread.currentThread().getName());
                notifyAll();
            }
        } finally {
            leaving();
        }
    }

    /** The name of the thread each event was delivered on, in order. */
    synchronized List<String> threads() {
        return List.copyOf(threads);
    }

    @Override
    public void onDelta(MempoolDelta delta) {
        record(delta);
    }

    @Override
    public void onBlock(Block block) {
        record(block);
    }

    @Override
    public void onRecommendedFees(RecommendedFees fees) {
        record(fees);
    }

    @Override
    public void onProjectedBlocks(List<ProjectedBlock> blocks) {
        record(new Projected(blocks));
    }

    @Override
    public void onPrice(double usdPerBtc) {
        record(new Price(usdPerBtc));
    }

    @Override
    public void onResyncNeeded(ResyncReason reason) {
        record(reason);
    }

    record Projected(List<ProjectedBlock> blocks) { }

    record Price(double usd) { }

    synchronized List<Object> events() {
        return List.copyOf(events);
    }

    synchronized <T> List<T> all(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Waits until an event of the type matches; returns it. */
    synchronized <T> T await(Class<T> type, Predicate<T> match, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (Object e : events) {
                if (type.isInstance(e) && match.test(type.cast(e))) {
                    return type.cast(e);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no matching " + type.getSimpleName() + " within " + timeout + "; got " + events);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** Waits for a delta with the given sequence. */
    MempoolDelta awaitDelta(long sequence, Duration timeout) throws InterruptedException {
        return await(MempoolDelta.class, d -> d.sequence() == sequence, timeout);
    }
}
