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

    /** {@link #sign}: only parsing the number can tell (or it is no number). */
    static final int SIGN_UNKNOWN = 2;
    /** Longer decimals may overflow to infinity or underflow to zero as doubles; shorter ones cannot. */
    private static final int PLAIN_DECIMAL_MAX = 20;

    /**
     * The sign that {@link #doubleValue} would give the current number token, read from its text
     * without parsing it: -1, 0 (also for -0) or 1, for a decimal of at most 20 characters without
     * an exponent, which is always finite and never rounds to zero unless it is zero; otherwise
     * {@link #SIGN_UNKNOWN}. Does not move the parser.
     */
    static int sign(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_NUMBER_INT) {
            return SIGN_UNKNOWN;
        }
        int length = p.getTextLength();
        if (length > PLAIN_DECIMAL_MAX) {
            return SIGN_UNKNOWN;
        }
        char[] text = p.getTextCharacters();
        int start = p.getTextOffset();
        boolean zero = true;
        for (int i = start; i < start + length; i++) {
            char c = text[i];
            if (c == 'e' || c == 'E') {
                return SIGN_UNKNOWN;
            }
            if (c >= '1' && c <= '9') {
                zero = false;
            }
        }
        return zero ? 0 : text[start] == '-' ? -1 : 1;
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
