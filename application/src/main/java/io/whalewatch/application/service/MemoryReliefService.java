package io.whalewatch.application.service;

import io.whalewatch.application.port.in.RelieveMemoryPressureUseCase;

/** Sheds the pipeline's caches in the documented order (see {@link RelieveMemoryPressureUseCase}); pipeline thread. */
final class MemoryReliefService implements RelieveMemoryPressureUseCase {
    private final RecentTransactions recent;
    private final OutcomeTracker tracker;
    private final int txidFloor;
    private final int trackedFloor;

    MemoryReliefService(RecentTransactions recent, OutcomeTracker tracker, int txidFloor, int trackedFloor) {
        this.recent = recent;
        this.tracker = tracker;
        this.txidFloor = txidFloor;
        this.trackedFloor = trackedFloor;
    }

    @Override
    public Relief relieve() {
        int txids = recent.shrinkTo(txidFloor);
        int tracked = tracker.evictOldest(trackedFloor);
        return new Relief(txids, tracked);
    }
}
