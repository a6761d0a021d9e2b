package io.whalewatch.adapter.mempoolspace;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Arrays;

/**
 * The string values of the transaction being streamed (addresses), kept as characters in one
 * reusable buffer and turned into Strings only for candidates: a resync frame carries hundreds of
 * thousands of transactions with several addresses each, and 99.9% of them are never built.
 * A reference packs offset and length; -1 stands for "no string". Pipeline thread only.
 */
final class TextArena {
    private char[] buffer = new char[2048];
    private int used;

    void reset() {
        used = 0;
    }

    /** Copies the current string token; anything else is skipped and gives -1 (like {@link JsonValues#stringValue}). */
    long copy(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            p.skipChildren();
            return -1;
        }
        int length = p.getTextLength();
        if (used + length > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(used + length, buffer.length * 2));
        }
        System.arraycopy(p.getTextCharacters(), p.getTextOffset(), buffer, used, length);
        long ref = ((long) used << 32) | length;
        used += length;
        return ref;
    }

    /** The String of a reference from {@link #copy}, or null for -1. */
    String string(long ref) {
        return ref < 0 ? null : new String(buffer, (int) (ref >>> 32), (int) ref);
    }
}
