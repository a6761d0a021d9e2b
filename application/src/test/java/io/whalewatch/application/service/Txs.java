package io.whalewatch.application.service;

import io.whalewatch.domain.chain.MempoolDelta;
import io.whalewatch.domain.chain.MempoolTransaction;
import io.whalewatch.domain.chain.Replacement;
import io.whalewatch.domain.chain.Satoshis;
import io.whalewatch.domain.chain.TxId;
import io.whalewatch.domain.chain.TxInput;
import io.whalewatch.domain.chain.TxOutput;
import io.whalewatch.domain.fee.FeeRate;
import io.whalewatch.domain.prediction.PredictionId;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;

/** Transactions and deltas for service tests. */
final class Txs {
    private static long sequence;

    private Txs() {
    }

    static TxId txid(long n) {
        return TxId.of(String.format("%064x", n));
    }

    static String id(long n) {
        return PredictionId.forTransaction(txid(n)).value();
    }

    /** A 250 BTC transfer paying {@code rate} sat/vB. */
    static MempoolTransaction whale(long n, double rate) {
        long sats = Satoshis.ofBtc(250).value();
        return new MempoolTransaction(txid(n), List.of(TxInput.spending("bc1qfrom" + n, sats + 10_000)),
                List.of(TxOutput.of("bc1qto" + n, sats)), Satoshis.of(10_000), 200, FeeRate.of(rate), OptionalInt.empty(), Instant.EPOCH);
    }

    static MempoolDelta added(MempoolTransaction... txs) {
        return new MempoolDelta(++sequence, List.of(txs), txs.length, List.of(), List.of(), List.of());
    }

    static MempoolDelta mined(long... ns) {
        return new MempoolDelta(++sequence, List.of(), 0, List.of(), ids(ns), List.of());
    }

    static MempoolDelta removed(long... ns) {
        return new MempoolDelta(++sequence, List.of(), 0, ids(ns), List.of(), List.of());
    }

    /** {@code replaced} replaced by the whale {@code by} (announced in the same delta, as mempool.space does). */
    static MempoolDelta replacedBy(long replaced, MempoolTransaction by) {
        return new MempoolDelta(++sequence, List.of(by), 1, ids(replaced), List.of(), List.of(new Replacement(txid(replaced), by.txid())));
    }

    /** A replacement whose transaction is not in the delta (its fee rate is unknown). */
    static MempoolDelta replacedByUnknown(long replaced, long by) {
        return new MempoolDelta(++sequence, List.of(), 1, ids(replaced), List.of(), List.of(new Replacement(txid(replaced), txid(by))));
    }

    static MempoolDelta empty() {
        return new MempoolDelta(++sequence, List.of(), 0, List.of(), List.of(), List.of());
    }

    private static List<TxId> ids(long... ns) {
        return java.util.Arrays.stream(ns).mapToObj(Txs::txid).toList();
    }
}
