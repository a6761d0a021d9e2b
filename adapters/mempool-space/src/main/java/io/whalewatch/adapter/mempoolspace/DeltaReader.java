package io.whalewatch.adapter.mempoolspace;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.whalewatch.domain.chain.MempoolTransaction;
import io.whalewatch.domain.chain.Replacement;
import io.whalewatch.domain.chain.TxId;
import java.io.IOException;
import java.util.List;

/**
 * Reads a {@code mempool-transactions} value. A wrong shape of the value itself (not an
 * object, no sequence, {@code added} not an array) rejects the whole delta; a bad element
 * (absurd transaction, malformed txid) drops only that element and is reported as a problem.
 */
final class DeltaReader {
    private final TransactionReader transactions;
    private final long candidateMinimum;

    DeltaReader(TransactionReader transactions, long candidateMinimum) {
        this.transactions = transactions;
        this.candidateMinimum = candidateMinimum;
    }

    /** @param source what {@code p} parses, from its first byte (candidates are read again from it) */
    ParsedFrame.Delta read(JsonParser p, ParsedFrame frame, byte[] source) throws IOException, BadShapeException {
        expect(p, JsonToken.START_OBJECT, "mempool-transactions is not an object");
        ParsedFrame.Delta delta = new ParsedFrame.Delta();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "sequence" -> delta.sequence = sequence(p);
                case "added" -> readAdded(p, frame, delta, source);
                case "removed" -> readTxids(p, "removed", frame, delta.removed);
                case "mined" -> readTxids(p, "mined", frame, delta.mined);
                case "replaced" -> readReplaced(p, frame, delta.replaced);
                default -> p.skipChildren();
            }
        }
        if (delta.sequence < 0) {
            throw new BadShapeException("mempool-transactions has no sequence");
        }
        return delta;
    }

    private static long sequence(JsonParser p) throws IOException, BadShapeException {
        Long s = JsonValues.longValue(p);
        if (s == null || s < 0) {
            throw new BadShapeException("sequence is not a non-negative integer");
        }
        return s;
    }

    private void readAdded(JsonParser p, ParsedFrame frame, ParsedFrame.Delta delta, byte[] source)
            throws IOException, BadShapeException {
        expect(p, JsonToken.START_ARRAY, "added is not an array");
        while (p.nextToken() != JsonToken.END_ARRAY) {
            delta.addedCount++;
            TransactionReader.Result r = transactions.scan(p, candidateMinimum, source);
            if (r.rejected()) {
                frame.problem(r.problem());
            } else if (r.candidate() != null) {
                MempoolTransaction tx = r.candidate();
                (tx.prevoutsKnown() ? delta.candidates : delta.missingPrevouts).add(tx);
            }
        }
    }

    private static void readTxids(JsonParser p, String name, ParsedFrame frame, List<TxId> into)
            throws IOException, BadShapeException {
        expect(p, JsonToken.START_ARRAY, name + " is not an array");
        while (p.nextToken() != JsonToken.END_ARRAY) {
            String s = JsonValues.stringValue(p);
            if (JsonValues.isTxid(s)) {
                into.add(TxId.of(s));
            } else {
                frame.problem(name + " holds a malformed txid");
            }
        }
    }

    private static void readReplaced(JsonParser p, ParsedFrame frame, List<Replacement> into)
            throws IOException, BadShapeException {
        expect(p, JsonToken.START_ARRAY, "replaced is not an array");
        while (p.nextToken() != JsonToken.END_ARRAY) {
            String old = null;
            String by = null;
            if (p.currentToken() == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    p.nextToken();
                    if (field.equals("replaced")) {
                        old = JsonValues.stringValue(p);
                    } else if (field.equals("by")) {
                        by = p.currentToken() == JsonToken.START_OBJECT ? txidOf(p) : JsonValues.stringValue(p);
                    } else {
                        p.skipChildren();
                    }
                }
            } else {
                p.skipChildren();
            }
            if (JsonValues.isTxid(old) && JsonValues.isTxid(by)) {
                into.add(new Replacement(TxId.of(old), TxId.of(by)));
            } else {
                frame.problem("replaced holds a malformed entry");
            }
        }
    }

    /** The txid of a full transaction object ({@code replaced[].by}); the rest is skipped. */
    private static String txidOf(JsonParser p) throws IOException {
        String txid = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (field.equals("txid")) {
                txid = JsonValues.stringValue(p);
            } else {
                p.skipChildren();
            }
        }
        return txid;
    }

    static void expect(JsonParser p, JsonToken token, String message) throws BadShapeException {
        if (p.currentToken() != token) {
            throw new BadShapeException(message);
        }
    }
}
