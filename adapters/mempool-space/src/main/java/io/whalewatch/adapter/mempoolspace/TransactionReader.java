package io.whalewatch.adapter.mempoolspace;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.whalewatch.domain.chain.MempoolTransaction;
import java.io.IOException;

/**
 * Streams one transaction object (mempool.space's {@code MempoolTransactionExtended} or an
 * esplora {@code /api/tx} body). It sums {@code vout[].value} as it goes and only materialises a
 * domain {@link MempoolTransaction} when the sum reaches the candidate minimum; the rest is
 * validated and counted, not built. Absurd values reject the transaction, never the parser.
 * Not thread-safe: one instance per parsing thread (the scratch is reused).
 */
final class TransactionReader {
    private final TransactionScratch tx;
    private String outAddress;
    private long outValue;

    TransactionReader(java.time.Clock clock) {
        this.tx = new TransactionScratch(clock);
    }

    /** The outcome for one transaction: a candidate, a small one (null candidate), or a rejection. */
    record Result(MempoolTransaction candidate, String problem) {
        static final Result SMALL = new Result(null, null);

        boolean rejected() {
            return problem != null;
        }
    }

    /** Reads the object at the current START_OBJECT token; leaves the parser on its END_OBJECT. */
    Result read(JsonParser p, long candidateMinimum) throws IOException {
        tx.reset();
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return new Result(null, "transaction is not an object");
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            readField(p, field);
        }
        if (tx.problem != null) {
            return new Result(null, tx.txidOrUnknown() + ": " + tx.problem);
        }
        if (tx.outputSum < candidateMinimum) {
            return Result.SMALL;
        }
        return tx.build();
    }

    private void readField(JsonParser p, String field) throws IOException {
        switch (field) {
            case "txid" -> tx.txid(JsonValues.stringValue(p));
            case "vin" -> readArray(p, "vin", this::readInput);
            case "vout" -> readArray(p, "vout", this::readOutput);
            case "fee" -> tx.fee = CheckedValues.satoshis(p, tx, "fee");
            case "vsize" -> tx.vsize = CheckedValues.positive(p, tx, "vsize");
            case "weight" -> tx.weight = CheckedValues.positive(p, tx, "weight");
            case "feePerVsize" -> tx.feePerVsize = CheckedValues.rate(p, tx, "feePerVsize");
            case "adjustedFeePerVsize" -> tx.adjustedFeePerVsize = CheckedValues.rate(p, tx, "adjustedFeePerVsize");
            case "effectiveFeePerVsize" -> tx.effectiveFeePerVsize = CheckedValues.rate(p, tx, "effectiveFeePerVsize");
            case "firstSeen" -> tx.firstSeen = CheckedValues.nonNegative(p, tx, "firstSeen");
            case "position" -> tx.projectedBlock = CheckedValues.projectedBlock(p);
            default -> p.skipChildren();
        }
    }

    private interface ElementReader {
        void read(JsonParser p) throws IOException;
    }

    private void readArray(JsonParser p, String name, ElementReader element) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            tx.problem(name + " is not an array");
            return;
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                tx.problem(name + " element is not an object");
                continue;
            }
            element.read(p);
        }
    }

    private void readInput(JsonParser p) throws IOException {
        String address = null;
        long value = -1;
        long sequence = 0xFFFFFFFFL;
        boolean hasPrevout = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (field.equals("prevout") && !JsonValues.isNull(p)) {
                hasPrevout = true;
                readOutputObject(p, "vin.prevout");
                address = outAddress;
                value = outValue;
            } else if (field.equals("sequence")) {
                sequence = CheckedValues.uint32(p, tx, "vin.sequence");
            } else {
                p.skipChildren();
            }
        }
        tx.addInput(hasPrevout, address, value, sequence);
    }

    private void readOutput(JsonParser p) throws IOException {
        readOutputObject(p, "vout");
        tx.addOutput(outAddress, outValue);
    }

    /** Reads an output-shaped object into outAddress/outValue; records a problem for bad values. */
    private void readOutputObject(JsonParser p, String name) throws IOException {
        outAddress = null;
        outValue = 0;
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            tx.problem(name + " is not an object");
            return;
        }
        boolean valueSeen = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (field.equals("value")) {
                outValue = Math.max(0L, CheckedValues.satoshis(p, tx, name + ".value"));
                valueSeen = true;
            } else if (field.equals("scriptpubkey_address")) {
                outAddress = JsonValues.isNull(p) ? null : JsonValues.stringValue(p);
            } else {
                p.skipChildren();
            }
        }
        if (!valueSeen) {
            tx.problem(name + ".value is missing");
        }
    }
}
