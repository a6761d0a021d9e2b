package io.whalewatch.adapter.publish.redis;

import java.util.Optional;

/**
 * Assigns stream entry ids so that the stream is ordered by alert id and resumable from one.
 *
 * <p>The scheme: alert {@code A} is entry {@code A-0}; an update (of any alert, old or new) is
 * entry {@code M-(n+1)} where {@code M-n} is the newest entry of the stream. So the major part of
 * every id is "the newest alert id when this was published", and {@code XREAD ... STREAMS key A-0}
 * returns exactly what was published after alert {@code A}: the later alerts and every update,
 * including updates of alerts older than {@code A}. The entry's {@code alert_id} field says which
 * alert an update is about. Redis rejects ids not above the newest one, which this scheme never
 * produces for updates; an alert whose id is not above the newest major is a redelivery (after a
 * crash) or a reset alert counter and is not streamed again.
 *
 * <p>Not thread-safe: used by the publisher's single drain thread.
 */
final class StreamIds {
    private long major;
    private long minor;

    /** Starts from the stream's last generated id ({@code 0-0} for a new stream). */
    void seed(String lastGeneratedId) {
        long[] id = parse(lastGeneratedId);
        major = id[0];
        minor = id[1];
    }

    /** The id for this message, or empty when it is an alert that is not newer than the stream. */
    Optional<String> next(Signal signal) {
        if (signal instanceof Signal.Alert) {
            return signal.alertId() > major ? Optional.of(signal.alertId() + "-0") : Optional.empty();
        }
        return Optional.of(major + "-" + (minor + 1));
    }

    /** Records that Redis accepted an entry with this id. */
    void accepted(String entryId) {
        long[] id = parse(entryId);
        if (id[0] > major || id[0] == major && id[1] > minor) {
            major = id[0];
            minor = id[1];
        }
    }

    String last() {
        return major + "-" + minor;
    }

    /** The two parts of a stream id {@code "ms-seq"}. */
    static long[] parse(String entryId) {
        int dash = entryId.indexOf('-');
        if (dash <= 0) {
            throw new IllegalArgumentException("not a stream id: " + entryId);
        }
        return new long[] {Long.parseUnsignedLong(entryId.substring(0, dash)), Long.parseUnsignedLong(entryId.substring(dash + 1))};
    }
}
