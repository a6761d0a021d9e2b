package io.whalewatch.adapter.publish.redis;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.sync.RedisCommands;
import io.whalewatch.application.port.in.ListPredictionsUseCase;
import io.whalewatch.application.port.out.StoreException;
import io.whalewatch.domain.prediction.Prediction;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerts of the stream in alert order ({@code XRANGE key <after+1>-0 + COUNT n}, updates
 * skipped), so that WebSocket clients of an edge node can resume. Alerts trimmed from the capped
 * stream are gone. Thread-safe (the Lettuce connection is); throws {@link StoreException} while
 * Redis is unreachable.
 */
final class StreamHistory implements ListPredictionsUseCase {
    private static final Logger LOG = LoggerFactory.getLogger(StreamHistory.class);
    static final int PAGE = 500;
    private final RedisSettings settings;
    private final RedisLink link;

    StreamHistory(RedisSettings settings, RedisLink link) {
        this.settings = settings;
        this.link = link;
    }

    @Override
    public List<Prediction> list(Query query) {
        try {
            return read(link.commands(), query);
        } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException) {
                throw e;
            }
            link.reset();
            throw new StoreException("alert history unavailable: Redis unreachable at " + settings.target() + ": "
                    + LinkState.describe(e), e);
        }
    }

    private List<Prediction> read(RedisCommands<String, String> redis, Query query) {
        List<Prediction> alerts = new ArrayList<>();
        String from = (query.afterAlertId() + 1) + "-0";
        while (alerts.size() < query.limit()) {
            List<StreamMessage<String, String>> page = redis.xrange(settings.stream(),
                    Range.create(from, "+"), Limit.from(PAGE));
            for (StreamMessage<String, String> entry : page) {
                addAlert(entry, query.afterAlertId(), alerts);
                if (alerts.size() == query.limit()) {
                    return alerts;
                }
            }
            if (page.size() < PAGE) {
                break;
            }
            long[] last = StreamIds.parse(page.get(page.size() - 1).getId());
            from = last[0] + "-" + (last[1] + 1);
        }
        return alerts;
    }

    private static void addAlert(StreamMessage<String, String> entry, long after, List<Prediction> alerts) {
        if (!Signal.TYPE_ALERT.equals(entry.getBody().get("type"))) {
            return;
        }
        try {
            Signal signal = SignalCodec.decode(entry.getBody().get("payload"));
            if (signal instanceof Signal.Alert a && a.alertId() > after) {
                alerts.add(a.prediction());
            }
        } catch (RuntimeException e) {
            LOG.warn("stream entry {} is not a valid alert, skipped: {}", entry.getId(), e.getMessage());
        }
    }

    /** The newest alert's id, scanning back from the end of the stream; 0 when there is none. */
    long latestAlertId() {
        RedisCommands<String, String> redis = link.commands();
        String to = "+";
        while (true) {
            List<StreamMessage<String, String>> page = redis.xrevrange(settings.stream(), Range.create("-", to), Limit.from(PAGE));
            for (StreamMessage<String, String> entry : page) {
                if (Signal.TYPE_ALERT.equals(entry.getBody().get("type"))) {
                    return Long.parseLong(entry.getBody().get("alert_id"));
                }
            }
            if (page.size() < PAGE) {
                return 0;
            }
            to = "(" + page.get(page.size() - 1).getId();
        }
    }
}
