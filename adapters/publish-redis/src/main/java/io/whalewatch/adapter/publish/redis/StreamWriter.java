package io.whalewatch.adapter.publish.redis;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one message: {@code XADD stream MAXLEN ~ n <id> type .. alert_id .. payload ..}, then
 * {@code PUBLISH channel payload}. Throws on any Redis failure; the caller retries the same
 * {@link Outbound}, which remembers its id, so a retry never streams a message twice.
 */
final class StreamWriter {
    private static final Logger LOG = LoggerFactory.getLogger(StreamWriter.class);
    private final RedisSettings settings;
    private final RedisLink link;
    private final StreamIds ids = new StreamIds();
    private long seededGeneration = -1;
    private volatile long published;
    private volatile long redeliveries;

    StreamWriter(RedisSettings settings, RedisLink link) {
        this.settings = settings;
        this.link = link;
    }

    void write(Outbound m) {
        if (m.json == null && !encode(m)) {
            return;
        }
        RedisCommands<String, String> redis = link.commands();
        if (seededGeneration != link.generation()) {
            // a new connection may be a restarted (emptied) or different server: ask where the stream is
            ids.seed(lastGeneratedId(redis));
            seededGeneration = link.generation();
        }
        if (!m.streamed && !append(redis, m, true)) {
            return;
        }
        redis.publish(settings.channel(), m.json);
        published++;
    }

    /** A message that cannot be encoded would block the queue forever if retried: drop it loudly. */
    private static boolean encode(Outbound m) {
        try {
            m.json = SignalCodec.encode(m.signal);
            return true;
        } catch (RuntimeException e) {
            LOG.error("{} for alert {} cannot be encoded and is dropped: {}", m.signal.type(), m.signal.alertId(), e.toString());
            return false;
        }
    }

    /** False when the message is a redelivered alert that the stream already has. */
    private boolean append(RedisCommands<String, String> redis, Outbound m, boolean mayReseed) {
        if (m.entryId == null) {
            Optional<String> id = ids.next(m.signal);
            if (id.isEmpty()) {
                skipRedelivery(m);
                return false;
            }
            m.entryId = id.get();
        }
        boolean resent = m.xaddSent;
        try {
            m.xaddSent = true;
            redis.xadd(settings.stream(), new XAddArgs().id(m.entryId).maxlen(settings.maxLength()).approximateTrimming(),
                    Map.of("type", m.signal.type(), "alert_id", Long.toString(m.signal.alertId()), "payload", m.json));
        } catch (RedisCommandExecutionException e) {
            if (!isIdNotAboveTop(e) || !resent && !mayReseed) {
                throw e;
            }
            if (!resent) {
                // someone else moved the top (another writer, a restored dump): take a fresh id once
                ids.seed(lastGeneratedId(redis));
                m.entryId = null;
                m.xaddSent = false;
                return append(redis, m, false);
            }
            // else: an earlier attempt with this very id was cut off after Redis had stored it
        }
        ids.accepted(m.entryId);
        m.streamed = true;
        return true;
    }

    private void skipRedelivery(Outbound m) {
        redeliveries++;
        if (redeliveries == 1) {
            LOG.warn("alert {} is not newer than the stream's last entry {}: treated as a redelivery and not published"
                    + " again (if the detector's database was reset, delete or rename REDIS_STREAM)", m.signal.alertId(), ids.last());
        } else {
            LOG.debug("redelivered alert {} skipped", m.signal.alertId());
        }
    }

    private static boolean isIdNotAboveTop(RedisCommandExecutionException e) {
        return e.getMessage() != null && e.getMessage().contains("equal or smaller");
    }

    private String lastGeneratedId(RedisCommands<String, String> redis) {
        List<Object> info;
        try {
            info = redis.xinfoStream(settings.stream());
        } catch (RedisCommandExecutionException e) {
            if (e.getMessage() != null && e.getMessage().contains("no such key")) {
                return "0-0";
            }
            throw e;
        }
        for (int i = 0; i + 1 < info.size(); i += 2) {
            if ("last-generated-id".equals(String.valueOf(info.get(i)))) {
                return String.valueOf(info.get(i + 1));
            }
        }
        throw new IllegalStateException("XINFO STREAM gave no last-generated-id");
    }

    long published() {
        return published;
    }

    long redeliveries() {
        return redeliveries;
    }
}
