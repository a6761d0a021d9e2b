package io.whalewatch.adapter.mempoolspace;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Typed reads of the current token that never throw for a wrong type: they return
 * {@code null} and leave the parser after the value (skipping a whole object or array), so
 * the caller can reject just the element it is reading.
 */
final class JsonValues {
    private JsonValues() {
    }

    /** An integer that fits a long, or null (wrong type, fraction, too big, JSON null). */
    static Long longValue(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
            JsonParser.NumberType t = p.getNumberType();
            return t == JsonParser.NumberType.INT || t == JsonParser.NumberType.LONG ? p.getLongValue() : null;
        }
        p.skipChildren();
        return null;
    }

    /** A finite number, or null. */
    static Double doubleValue(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            double d = p.getDoubleValue();
            return Double.isFinite(d) ? d : null;
        }
        p.skipChildren();
        return null;
    }

    /** A string, or null. */
    static String stringValue(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        p.skipChildren();
        return null;
    }

    static boolean isNull(JsonParser p) {
        return p.currentToken() == JsonToken.VALUE_NULL;
    }

    /** True for 64 hexadecimal characters (what {@code TxId} accepts), checked without allocating. */
    static boolean isTxid(String s) {
        if (s == null || s.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
