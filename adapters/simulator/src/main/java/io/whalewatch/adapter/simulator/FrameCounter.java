package io.whalewatch.adapter.simulator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Counts the transactions a frames file announces ({@code mempool-transactions.added} elements),
 * with a streaming pass that skips everything else; replay mode reports the total so that a
 * consumer knows when it has seen everything.
 */
final class FrameCounter {
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxDocumentLength(-1)
                    .maxStringLength(Integer.MAX_VALUE).build()).build();

    private FrameCounter() {
    }

    /** Parses each line's bytes in place (no String per multi-megabyte line). */
    static long transactions(Path file) throws IOException {
        long n = 0;
        try (FrameLines in = new FrameLines(file, false)) {
            for (int len = in.next(); len >= 0; len = in.next()) {
                if (len > 0) {
                    n += added(in.array(), FrameLines.ROOM, len);
                }
            }
        }
        return n;
    }

    /** Elements of {@code mempool-transactions.added} in one frame; 0 for frames without (or not JSON). */
    static long added(byte[] frame, int offset, int length) {
        try (JsonParser p = JSON.createParser(frame, offset, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return 0;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                if (p.nextToken() == JsonToken.START_OBJECT && key.equals("mempool-transactions")) {
                    return addedIn(p);
                }
                p.skipChildren();
            }
        } catch (IOException e) {
            return 0; // injected garbage frames are replayed too; they announce nothing
        }
        return 0;
    }

    private static long addedIn(JsonParser p) throws IOException {
        long n = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if (field.equals("added") && value == JsonToken.START_ARRAY) {
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    p.skipChildren();
                    n++;
                }
            } else {
                p.skipChildren();
            }
        }
        return n;
    }
}
