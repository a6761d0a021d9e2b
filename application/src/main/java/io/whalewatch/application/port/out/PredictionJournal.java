package io.whalewatch.application.port.out;

import io.whalewatch.domain.prediction.Prediction;
import java.util.List;

/**
 * A write-ahead journal of accepted predictions: the pipeline publishes an alert as soon as its
 * prediction is durable here (one sequential append and sync, a fraction of a millisecond), and the
 * {@link PredictionRepository} stores it a moment later off the hot path. After a crash, the
 * predictions the store never received are read back from the journal and stored before the
 * pipeline starts, so an alert a client saw is never missing from the database.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #append} is durable when it returns: the entries survive a kill -9 of the process and,
 *       since the append is synced to the device, a power cut. A failed append throws
 *       {@link StoreException} and leaves nothing half-written that {@link #unsettled} would return.</li>
 *   <li>Entries stay until {@link #settle} says the store holds every prediction up to an alert id;
 *       {@link #unsettled} returns the rest, in append order, exactly as appended (every field of
 *       the prediction round-trips).</li>
 *   <li>A torn last entry (a crash in the middle of an append) is skipped, not an error; an entry
 *       corrupted elsewhere is skipped and counted in {@link #corruptEntries}.</li>
 *   <li>{@link #lastAlertId} survives {@link #settle}: a restart never hands out an alert id twice,
 *       even when the store lost rows the journal had already settled.</li>
 *   <li>One thread appends (the pipeline); {@link #settle} and the readers may run on other threads.</li>
 * </ul>
 */
public interface PredictionJournal extends AutoCloseable {

    /** Appends the predictions, durably, in the given order. */
    void append(List<Prediction> predictions);

    /** The store now holds every journalled prediction with an alert id up to {@code alertId}. */
    void settle(long alertId);

    /** The predictions appended and not yet settled, in append order. */
    List<Prediction> unsettled();

    /** The highest alert id ever appended (0 when none), also after {@link #settle} and a restart. */
    long lastAlertId();

    /** Entries skipped because they could not be read back (not counting a torn last entry). */
    long corruptEntries();

    @Override
    void close();
}
