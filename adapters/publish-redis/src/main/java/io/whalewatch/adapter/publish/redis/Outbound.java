package io.whalewatch.adapter.publish.redis;

/**
 * A message on its way to Redis, with what survives a retry: the entry id it was given and
 * whether the stream already holds it (then a retry only re-sends the pub/sub copy). Owned by
 * the drain thread once dequeued.
 */
final class Outbound {
    final Signal signal;
    String json;
    String entryId;
    boolean xaddSent;
    boolean streamed;

    Outbound(Signal signal) {
        this.signal = signal;
    }
}
