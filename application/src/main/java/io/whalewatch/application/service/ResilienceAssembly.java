package io.whalewatch.application.service;

import io.whalewatch.application.ResilienceSettings;
import io.whalewatch.application.port.out.DatabaseBackup;
import io.whalewatch.application.port.out.PredictionRepository;
import io.whalewatch.application.port.out.ProcessMemory;

/**
 * The operational side of the pipeline: the store-retry buffer, the memory watch with its relief,
 * and the online backup. Kept apart from {@link ServiceAssembly} so the detection wiring stays small.
 */
final class ResilienceAssembly implements AutoCloseable {
    final StoreRetry storeRetry;
    final MemoryWatch memoryWatch;
    final BackupDatabaseService backup;

    ResilienceAssembly(ResilienceSettings settings, ProcessMemory memory, PredictionRepository repository,
            PipelineInbox inbox, RecentTransactions recent, OutcomeTracker tracker) {
        this.storeRetry = new StoreRetry(settings.storeRetryBuffer(), settings.storeRetryInterval(), repository, inbox);
        this.memoryWatch = new MemoryWatch(memory != null ? memory : new HeapMemory(), settings, inbox,
                new MemoryReliefService(recent, tracker, settings.recentTxidFloor(), settings.trackedFloor()));
        this.backup = new BackupDatabaseService(repository.port(DatabaseBackup.class));
    }

    /** Adds "store_retry_buffer" and "memory" (critical: down above MEMORY_MAX_MB = unhealthy) to health. */
    void register(HealthService health) {
        health.component("store_retry_buffer", storeRetry::health, false);
        health.component("memory", memoryWatch::health, true);
    }

    void start() {
        storeRetry.start();
        memoryWatch.start();
    }

    @Override
    public void close() {
        memoryWatch.close();
        storeRetry.close();
    }
}
