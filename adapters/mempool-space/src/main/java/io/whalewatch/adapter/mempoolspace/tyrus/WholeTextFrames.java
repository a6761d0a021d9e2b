package io.whalewatch.adapter.mempoolspace.tyrus;

import java.util.function.Consumer;

/**
 * Where a connection made through {@link TextAsBinaryClientContainer} delivers a large, complete,
 * unfragmented text frame itself, without Tyrus: its payload, in one array of its exact size. Put
 * under {@link #USER_PROPERTY} in the {@code ClientEndpointConfig}'s user properties; without it
 * every frame goes through Tyrus.
 *
 * <p>Why: for such a frame Tyrus copies the payload out of the collected frame into an array of its
 * own, so a resync burst of 11 MB frames cost two humongous allocations and one extra 11 MB copy per
 * frame. Frames are delivered on the connection's reader thread, in stream order with the messages
 * Tyrus delivers (Tyrus hands each message over on that thread before reading on).
 *
 * @param maxPayloadBytes the largest payload delivered here; a larger frame goes to Tyrus, which
 *                        enforces the session's message size limit
 * @param sink            receives each payload (called by the reader thread; must not keep the
 *                        thread longer than a message handler would)
 */
public record WholeTextFrames(int maxPayloadBytes, Consumer<byte[]> sink) {
    /** The user-property key. */
    public static final String USER_PROPERTY = "io.whalewatch.wholeTextFrames";

    public WholeTextFrames {
        java.util.Objects.requireNonNull(sink, "sink");
    }
}
