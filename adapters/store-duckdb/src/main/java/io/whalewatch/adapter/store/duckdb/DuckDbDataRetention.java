package io.whalewatch.adapter.store.duckdb;

import io.whalewatch.application.port.out.DataRetention;
import java.time.Instant;
import java.time.LocalDateTime;

/**
 * Deletes old rows in one transaction: outcomes of old predictions and old outcomes first (the
 * guide's order), then the predictions, then finished notifications. Pending notifications stay,
 * whatever their age, until delivered or given up.
 */
final class DuckDbDataRetention implements DataRetention {
    private final StoreAccess store;

    DuckDbDataRetention(StoreAccess store) {
        this.store = store;
    }

    @Override
    public Purged purgeOlderThan(Instant cutoff) {
        LocalDateTime at = Utc.toTimestamp(cutoff);
        return store.inTransaction("delete data older than " + cutoff, h -> {
            long outcomes = h.createUpdate("""
                    DELETE FROM prediction_outcomes WHERE confirmation_timestamp < :cutoff
                       OR prediction_id IN (SELECT prediction_id FROM mempool_predictions WHERE prediction_timestamp < :cutoff)""")
                    .bind("cutoff", at).execute();
            long predictions = h.createUpdate("DELETE FROM mempool_predictions WHERE prediction_timestamp < :cutoff")
                    .bind("cutoff", at).execute();
            long notifications = h.createUpdate(
                    "DELETE FROM notification_outbox WHERE status IN ('delivered', 'failed') AND created_at < :cutoff")
                    .bind("cutoff", at).execute();
            return new Purged(predictions, outcomes, notifications);
        });
    }
}
