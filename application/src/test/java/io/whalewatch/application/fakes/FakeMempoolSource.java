package io.whalewatch.application.fakes;

import io.whalewatch.application.port.out.MempoolListener;
import io.whalewatch.application.port.out.MempoolSource;
import io.whalewatch.application.port.out.SourceStatus;
import io.whalewatch.application.port.out.TransactionStatus;
import io.whalewatch.domain.chain.Satoshis;
import io.whalewatch.domain.chain.TxId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A source whose status and REST answers the test sets. */
public final class FakeMempoolSource implements MempoolSource {
    public SourceStatus status = new SourceStatus(true, "fake", Optional.of(Instant.parse("2026-11-22T12:00:00Z")), 1, 0, 0, 0, 0);
    public final Map<TxId, TransactionStatus> lookups = new HashMap<>();
    public MempoolListener listener;
    public final java.util.concurrent.atomic.AtomicInteger lookUps = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public void start(MempoolListener l, Satoshis candidateMinimum) {
        this.listener = l;
    }

    @Override
    public SourceStatus status() {
        return status;
    }

    @Override
    public TransactionStatus lookUp(TxId txid) {
        lookUps.incrementAndGet();
        return lookups.getOrDefault(txid, new TransactionStatus.InMempool());
    }

    @Override
    public void close() {
    }
}
