package io.whalewatch.application.port.out;

import io.whalewatch.domain.chain.Satoshis;
import io.whalewatch.domain.chain.TxId;

/**
 * A live feed of the Bitcoin mempool (mempool.space's WebSocket protocol or compatible).
 *
 * <p>Lifecycle: created by its provider without I/O; {@link #start} connects in the background and
 * keeps reconnecting until {@link #close}. Events go to the listener on one pipeline thread (see
 * {@link MempoolListener}). Only transactions whose total output reaches {@code candidateMinimum}
 * need to be materialised; others are counted.
 */
public interface MempoolSource extends AutoCloseable {
    /** Starts delivering events to the listener. Called once. */
    void start(MempoolListener listener, Satoshis candidateMinimum);

    /** A snapshot of the connection state and counters; cheap, thread-safe. */
    SourceStatus status();

    /**
     * Asks the upstream (REST) what became of a transaction. Blocking; safe from any thread.
     *
     * @throws SourceUnavailableException when the upstream cannot answer now
     */
    TransactionStatus lookUp(TxId txid);

    /** Disconnects and stops all threads. Idempotent. */
    @Override
    void close();
}
