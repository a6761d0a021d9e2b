package io.whalewatch.adapter.web.alert;

import io.whalewatch.application.port.in.ListPredictionsUseCase;
import io.whalewatch.application.port.in.QueryPredictionsUseCase;
import io.whalewatch.application.port.out.PredictionCriteria;
import io.whalewatch.application.port.out.PredictionQueries.StoredPrediction;
import io.whalewatch.domain.prediction.Prediction;
import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays from the store what a resuming client missed, page by page in alert order, pacing
 * itself on the client's queue; then releases the live messages held meanwhile, skipping alerts
 * it already replayed. Each replayed alert whose outcome is already decided (confirmed, replaced,
 * dropped) is followed by an {@code alert_update} with that outcome, read from the store's
 * predictions-with-outcomes query when one is given: the live update was sent while the client was
 * away. The caller has called {@link ClientSession#beginReplay()}.
 */
final class Replayer {
    private static final Logger LOG = LoggerFactory.getLogger(Replayer.class);
    private static final long ROOM_TIMEOUT_MILLIS = 30_000;
    private final ListPredictionsUseCase store;
    private final Clock clock;
    private final int pageSize;
    private final Executor pool;
    private final Consumer<ClientSession> dropSlow;
    private volatile QueryPredictionsUseCase outcomes;

    Replayer(ListPredictionsUseCase store, Clock clock, int pageSize, Executor pool, Consumer<ClientSession> dropSlow) {
        this.store = store;
        this.clock = clock;
        this.pageSize = pageSize;
        this.pool = pool;
        this.dropSlow = dropSlow;
    }

    void outcomesFrom(QueryPredictionsUseCase outcomes) {
        this.outcomes = outcomes;
    }

    void start(ClientSession s, long afterAlertId) {
        pool.execute(() -> run(s, afterAlertId));
    }

    private void run(ClientSession s, long afterAlertId) {
        try {
            long last = replayPages(s, afterAlertId);
            if (last < 0 || !s.finishReplay(last)) {
                dropSlow.accept(s);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("resume of session {} failed", s.id(), e);
            s.finishReplay(Long.MAX_VALUE);
            s.outbox().offer(AlertJson.error("resume failed; reconnect and try again"));
            s.closeAfterDrain(new CloseReason(CloseCodes.UNEXPECTED_CONDITION, "resume failed"));
        }
    }

    /** The last alert id replayed, or -1 when the client could not keep up. */
    private long replayPages(ClientSession s, long afterAlertId) throws InterruptedException {
        long cursor = afterAlertId;
        while (true) {
            List<Prediction> page = store.list(new ListPredictionsUseCase.Query(cursor, pageSize));
            Map<Long, StoredPrediction> decided = decidedOutcomes(page);
            for (Prediction p : page) {
                if (p.alertId() <= cursor) {
                    continue; // defensive: a store must list strictly after the cursor
                }
                if (s.filter().matches(p)) {
                    if (!send(s, AlertJson.alert(p, clock.instant()))) {
                        return -1;
                    }
                    StoredPrediction outcome = decided.get(p.alertId());
                    if (outcome != null && !send(s, UpdateJson.of(outcome, clock.instant()))) {
                        return -1;
                    }
                }
                cursor = p.alertId();
            }
            if (page.size() < pageSize) {
                return cursor;
            }
        }
    }

    /**
     * The page's alerts whose outcome is decided, by alert id: one query for the newest stored predictions
     * up to the page's last alert, as many as the page holds (alerts not stored yet have none).
     */
    private Map<Long, StoredPrediction> decidedOutcomes(List<Prediction> page) {
        QueryPredictionsUseCase query = outcomes;
        if (query == null || page.isEmpty()) {
            return Map.of();
        }
        long last = page.get(page.size() - 1).alertId();
        Map<Long, StoredPrediction> decided = new HashMap<>();
        try {
            for (StoredPrediction sp : query.list(PredictionCriteria.below(last + 1, page.size())).items()) {
                if (!"pending".equals(sp.outcome().status())) {
                    decided.put(sp.prediction().alertId(), sp);
                }
            }
        } catch (RuntimeException e) {
            // the alerts still go out; only their outcomes are missing (the client can ask the REST API)
            LOG.warn("resume: outcomes of alerts {}..{} unavailable: {}", page.get(0).alertId(), last, e.toString());
            return Map.of();
        }
        return decided;
    }

    private static boolean send(ClientSession s, String json) throws InterruptedException {
        return s.outbox().awaitRoom(ROOM_TIMEOUT_MILLIS) && s.outbox().offer(json);
    }
}
