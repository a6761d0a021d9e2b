package io.whalewatch.adapter.mempoolspace;

import io.whalewatch.domain.chain.MempoolTransaction;
import io.whalewatch.domain.chain.Satoshis;
import io.whalewatch.domain.chain.TxId;
import io.whalewatch.domain.chain.TxInput;
import io.whalewatch.domain.chain.TxOutput;
import io.whalewatch.domain.fee.FeeRate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The primitive fields of the transaction being streamed, in reusable arrays, so that the
 * 99.9% of transactions below the candidate minimum cost no domain objects at all.
 */
final class TransactionScratch {
    private final Clock clock;
    String txid;
    String problem;
    long fee;
    double vsize;
    double weight;
    double feePerVsize;
    double adjustedFeePerVsize;
    double effectiveFeePerVsize;
    long firstSeen;
    int projectedBlock;
    long outputSum;
    private int inCount;
    private boolean[] inHasPrevout = new boolean[8];
    private String[] inAddress = new String[8];
    private long[] inValue = new long[8];
    private long[] inSequence = new long[8];
    private int outCount;
    private String[] outAddress = new String[8];
    private long[] outValue = new long[8];

    TransactionScratch(Clock clock) {
        this.clock = clock;
    }

    void reset() {
        Arrays.fill(inAddress, 0, inCount, null);
        Arrays.fill(outAddress, 0, outCount, null);
        txid = null;
        problem = null;
        fee = -1;
        vsize = weight = Double.NaN;
        feePerVsize = adjustedFeePerVsize = effectiveFeePerVsize = Double.NaN;
        firstSeen = -1;
        projectedBlock = -1;
        outputSum = 0;
        inCount = outCount = 0;
    }

    void problem(String description) {
        if (problem == null) {
            problem = description;
        }
    }

    void txid(String value) {
        if (!JsonValues.isTxid(value)) {
            problem("txid is not 64 hex characters");
        }
        txid = value;
    }

    String txidOrUnknown() {
        return txid == null ? "transaction without txid" : "tx " + txid;
    }

    void addInput(boolean hasPrevout, String address, long value, long sequence) {
        if (inCount == inValue.length) {
            int n = inCount * 2;
            inHasPrevout = Arrays.copyOf(inHasPrevout, n);
            inAddress = Arrays.copyOf(inAddress, n);
            inValue = Arrays.copyOf(inValue, n);
            inSequence = Arrays.copyOf(inSequence, n);
        }
        inHasPrevout[inCount] = hasPrevout;
        inAddress[inCount] = address;
        inValue[inCount] = value;
        inSequence[inCount++] = sequence;
    }

    void addOutput(String address, long value) {
        if (outCount == outValue.length) {
            outAddress = Arrays.copyOf(outAddress, outCount * 2);
            outValue = Arrays.copyOf(outValue, outCount * 2);
        }
        outAddress[outCount] = address;
        outValue[outCount++] = value;
        outputSum += value;
        if (outputSum > Satoshis.MAX_SUPPLY) {
            problem("outputs total more than 21 million BTC");
        }
    }

    /** Materialises the candidate, or a rejection when fields it needs are missing or invalid. */
    TransactionReader.Result build() {
        double size = Double.isFinite(vsize) ? vsize : Math.ceil(weight / 4);
        if (txid == null || fee < 0 || !(size > 0)) {
            String missing = txid == null ? "txid" : fee < 0 ? "fee" : "vsize";
            return new TransactionReader.Result(null, txidOrUnknown() + ": " + missing + " is missing");
        }
        try {
            return new TransactionReader.Result(new MempoolTransaction(TxId.of(txid), inputs(), outputs(),
                    Satoshis.of(fee), size, FeeRate.of(feeRate(size)),
                    projectedBlock >= 0 ? OptionalInt.of(projectedBlock) : OptionalInt.empty(),
                    firstSeen > 0 ? Instant.ofEpochSecond(firstSeen) : clock.instant()), null);
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            return new TransactionReader.Result(null, txidOrUnknown() + ": " + e.getMessage());
        }
    }

    /** CPFP-aware rate first, then the plainer ones, then fee / vsize. */
    private double feeRate(double size) {
        for (double r : new double[] {effectiveFeePerVsize, adjustedFeePerVsize, feePerVsize}) {
            if (Double.isFinite(r)) {
                return r;
            }
        }
        return fee / size;
    }

    private List<TxInput> inputs() {
        List<TxInput> list = new ArrayList<>(inCount);
        for (int i = 0; i < inCount; i++) {
            Optional<TxOutput> prevout = inHasPrevout[i]
                    ? Optional.of(new TxOutput(Optional.ofNullable(inAddress[i]), Satoshis.of(inValue[i])))
                    : Optional.empty();
            list.add(new TxInput(prevout, inSequence[i]));
        }
        return list;
    }

    private List<TxOutput> outputs() {
        List<TxOutput> list = new ArrayList<>(outCount);
        for (int i = 0; i < outCount; i++) {
            list.add(new TxOutput(Optional.ofNullable(outAddress[i]), Satoshis.of(outValue[i])));
        }
        return list;
    }
}
