package io.whalewatch.adapter.mempoolspace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.whalewatch.domain.chain.MempoolTransaction;
import java.io.IOException;

/**
 * Streams one transaction object (mempool.space's {@code MempoolTransactionExtended} or an
 * esplora {@code /api/tx} body). It sums {@code vout[].value} as it goes and only materialises a
 * domain {@link MempoolTransaction} when the sum reaches the candidate minimum; the rest is
 * validated and counted, not built. Absurd values reject the transaction, never the parser.
 *
 * <p>Two ways to read: {@link #read} keeps everything it may need (addresses) while it streams;
 * {@link #scan} (resync frames: 99.9% of their transactions are below the minimum) only validates
 * and sums, without decoding an address, and reads a transaction that turns out to be a candidate
 * a second time, with {@link #read}, from its bytes. Both run the same checks in the same order,
 * so they accept, reject (with the same problem) and build the same (ScanEquivalenceTest).
 * Not thread-safe: one instance per parsing thread (the scratch is reused).
 */
final class TransactionReader {
    private final TransactionScratch tx;
    private final JsonFactory json;
    private final FieldOrder txFields = new FieldOrder();
    private final FieldOrder inputFields = new FieldOrder();
    private final FieldOrder outputFields = new FieldOrder();
    /** True while reading fully; false while scanning (addresses not decoded). */
    private boolean full = true;
    private String outAddress;
    private long outValue;

    /** A reader for {@link #read} only (its factory has Jackson's default document limits). */
    TransactionReader(java.time.Clock clock) {
        this(clock, new JsonFactory());
    }

    /** @param json the factory of the parsers given to {@link #scan}, for reading candidates again */
    TransactionReader(java.time.Clock clock, JsonFactory json) {
        this.tx = new TransactionScratch(clock);
        this.json = json;
    }

    /** The outcome for one transaction: a candidate, a small one (null candidate), or a rejection. */
    record Result(MempoolTransaction candidate, String problem) {
        static final Result SMALL = new Result(null, null);
        /** Scanning only: valid and at or above the minimum, still to be built. */
        static final Result TO_BUILD = new Result(null, null);

        boolean rejected() {
            return problem != null;
        }
    }

    /** Reads the object at the current START_OBJECT token; leaves the parser on its END_OBJECT. */
    Result read(JsonParser p, long candidateMinimum) throws IOException {
        full = true;
        return readObject(p, candidateMinimum);
    }

    /**
     * Like {@link #read}, for a parser that reads {@code source} from its first byte: validates and
     * sums without materialising, and reads a candidate again from its own bytes in {@code source}.
     */
    Result scan(JsonParser p, long candidateMinimum, byte[] source) throws IOException {
        if (candidateMinimum <= 0) {
            return read(p, candidateMinimum); // every transaction is a candidate: one pass is cheaper
        }
        int start = (int) p.currentTokenLocation().getByteOffset();
        full = false;
        Result r = readObject(p, candidateMinimum);
        if (r != Result.TO_BUILD) {
            return r;
        }
        // The first pass tokenised these bytes without error, so the second one reads the same tokens.
        try (JsonParser again = json.createParser(source, start, source.length - start)) {
            again.nextToken();
            return read(again, candidateMinimum);
        }
    }

    private Result readObject(JsonParser p, long candidateMinimum) throws IOException {
        tx.reset();
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return new Result(null, "transaction is not an object");
        }
        int position = 0;
        for (String field = txFields.next(p, position++); field != null; field = txFields.next(p, position++)) {
            p.nextToken();
            readField(p, field);
        }
        if (tx.problem != null) {
            return new Result(null, tx.txidOrUnknown() + ": " + tx.problem);
        }
        if (tx.outputSum < candidateMinimum) {
            return Result.SMALL;
        }
        return full ? tx.build() : Result.TO_BUILD;
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
        int position = 0;
        for (String field = inputFields.next(p, position++); field != null; field = inputFields.next(p, position++)) {
            p.nextToken();
            if (field.equals("prevout") && !JsonValues.isNull(p)) {
                hasPrevout = true;
                readOutputObject(p, "vin.prevout", "vin.prevout.value");
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
        readOutputObject(p, "vout", "vout.value");
        tx.addOutput(outAddress, outValue);
    }

    /**
     * Reads an output-shaped object into outAddress/outValue; records a problem for bad values.
     * Scanning leaves the address undecoded (null): a string or null is all the same then.
     */
    private void readOutputObject(JsonParser p, String name, String valueName) throws IOException {
        outAddress = null;
        outValue = 0;
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            tx.problem(name + " is not an object");
            return;
        }
        boolean valueSeen = false;
        int position = 0;
        for (String field = outputFields.next(p, position++); field != null; field = outputFields.next(p, position++)) {
            p.nextToken();
            if (field.equals("value")) {
                outValue = Math.max(0L, CheckedValues.satoshis(p, tx, valueName));
                valueSeen = true;
            } else if (field.equals("scriptpubkey_address") && full) {
                outAddress = JsonValues.isNull(p) ? null : JsonValues.stringValue(p);
            } else {
                p.skipChildren();
            }
        }
        if (!valueSeen) {
            tx.problem(valueName + " is missing");
        }
    }
}
