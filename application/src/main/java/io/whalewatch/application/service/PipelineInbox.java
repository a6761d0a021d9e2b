package io.whalewatch.application.service;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Work produced off the pipeline thread (REST look-ups, timers) that must be applied on it: the
 * tracker and market state stay single-threaded and lock-free. Drained at every event the source
 * delivers (mempool.space sends one about every second).
 */
final class PipelineInbox {
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();

    void post(Runnable task) {
        tasks.add(task);
    }

    /** Runs what was posted; pipeline thread only. */
    void drain() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            task.run();
        }
    }

    int pending() {
        return tasks.size();
    }
}
