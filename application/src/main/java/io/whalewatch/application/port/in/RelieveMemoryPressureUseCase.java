package io.whalewatch.application.port.in;

/**
 * Sheds in-memory caches, in this order: 1. the recent-txid dedupe set shrinks to its floor
 * (MEMORY_RELIEF_TXID_FLOOR); 2. tracked whales beyond MEMORY_RELIEF_TRACKED_FLOOR are evicted from
 * memory, oldest first (they stay unresolved in the store and are re-checked at the next start).
 * Pipeline thread only (the memory watch posts it there).
 */
public interface RelieveMemoryPressureUseCase {
    Relief relieve();

    /** What was shed. */
    record Relief(int txidsForgotten, int trackedEvicted) {
    }
}
