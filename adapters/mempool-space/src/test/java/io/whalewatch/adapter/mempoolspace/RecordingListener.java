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

/** Records every listener call in order; checks it is only ever called from one thread. */
class RecordingListener implements MempoolListener {
    private final List<Object> events = new ArrayList<>();
    private volatile Thread caller;
    volatile boolean calledFromTwoThreads;

    private synchronized void record(Object event) {
        Thread t = Thread.currentThread();
        if (caller == null) {
            caller = t;
        } else if (caller != t) {
            calledFromTwoThreads = true;
        }
        events.add(event);
        notifyAll();
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
