package io.whalewatch.adapter.mempoolspace;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.whalewatch.domain.chain.Satoshis;
import java.io.IOException;

/**
 * Reads one numeric transaction field and checks its range; a bad value is recorded as the
 * transaction's problem (so it gets rejected) and a harmless placeholder is returned.
 */
final class CheckedValues {
    private CheckedValues() {
    }

    static long satoshis(JsonParser p, TransactionScratch tx, String name) throws IOException {
        Long v = JsonValues.longValue(p);
        if (v == null || v < 0 || v > Satoshis.MAX_SUPPLY) {
            tx.problem(name + " is not an amount of satoshis in [0, 21e14]");
            return -1;
        }
        return v;
    }

    static double positive(JsonParser p, TransactionScratch tx, String name) throws IOException {
        Double v = JsonValues.doubleValue(p);
        if (v == null || v <= 0) {
            tx.problem(name + " is not a positive number");
            return Double.NaN;
        }
        return v;
    }

    /** A fee rate; JSON null counts as absent (the next fallback is used). */
    static double rate(JsonParser p, TransactionScratch tx, String name) throws IOException {
        if (JsonValues.isNull(p)) {
            return Double.NaN;
        }
        Double v = JsonValues.doubleValue(p);
        if (v == null || v < 0) {
            tx.problem(name + " is not a non-negative number");
            return Double.NaN;
        }
        return v;
    }

    static long nonNegative(JsonParser p, TransactionScratch tx, String name) throws IOException {
        Long v = JsonValues.longValue(p);
        if (v == null || v < 0) {
            tx.problem(name + " is not a non-negative integer");
            return -1;
        }
        return v;
    }

    /** nSequence; 0xFFFFFFFF (final) when invalid, after recording the problem. */
    static long uint32(JsonParser p, TransactionScratch tx, String name) throws IOException {
        Long v = JsonValues.longValue(p);
        if (v == null || v < 0 || v > 0xFFFFFFFFL) {
            tx.problem(name + " is not a uint32");
            return 0xFFFFFFFFL;
        }
        return v;
    }

    /** {@code position.block}, or -1 when absent or unusable (it is informational only). */
    static int projectedBlock(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return -1;
        }
        int block = -1;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (field.equals("block")) {
                Long b = JsonValues.longValue(p);
                block = b != null && b >= 0 && b <= Integer.MAX_VALUE ? b.intValue() : -1;
            } else {
                p.skipChildren();
            }
        }
        return block;
    }
}
