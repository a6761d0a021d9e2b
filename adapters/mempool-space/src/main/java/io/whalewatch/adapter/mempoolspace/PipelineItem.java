package io.whalewatch.adapter.mempoolspace;

import io.whalewatch.domain.chain.MempoolTransaction;

/** What the pipeline thread works on, in arrival order. */
sealed interface PipelineItem {
    /**
     * A frame's UTF-8 bytes as the socket received them, when (for detection latency), and what it
     * took from the queue's byte budget ({@code costKiB}).
     */
    record Frame(byte[] bytes, java.time.Instant receivedAt, int costKiB) implements PipelineItem { }

    /** A (re)connection was opened; frames after it belong to a new session. */
    record Connected(boolean reconnect) implements PipelineItem { }

    /** A candidate whose prevouts were fetched over REST (or could not be). */
    record Enriched(long sequence, MempoolTransaction transaction) implements PipelineItem { }
}
