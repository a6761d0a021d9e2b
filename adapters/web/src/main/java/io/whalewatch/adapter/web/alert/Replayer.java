package io.whalewatch.adapter.web.alert;

import io.whalewatch.application.port.in.ListPredictionsUseCase;
import io.whalewatch.domain.prediction.Prediction;
import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays from the store what a resuming client missed, page by page in alert order, pacing
 * itself on the client's queue; then releases the live messages held meanwhile, skipping alerts
 * it already replayed. The caller has called {@link ClientSession#beginReplay()}.
 */
final class Replayer {
    private static final Logger LOG = LoggerFactory.getLogger(Replayer.class);
    private static final long ROOM_TIMEOUT_MILLIS = 30_000;
    private final ListPredictionsUseCase store;
    private final Clock clock;
    private final int pageSize;
    private final Executor pool;
    private final Consumer<ClientSession> dropSlow;

    Replayer(ListPredictionsUseCase store, Clock clock, int pageSize, Executor pool, Consumer<ClientSession> dropSlow) {
        this.store = store;
        this.clock = clock;
        this.pageSize = pageSize;
        this.pool = pool;
        this.dropSlow = dropSlow;
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
            for (Prediction p : page) {
                if (p.alertId() <= cursor) {
                    continue; // defensive: a store must list strictly after the cursor
                }
                if (s.filter().matches(p) && !send(s, AlertJson.alert(p, clock.instant()))) {
                    return -1;
                }
                cursor = p.alertId();
            }
            if (page.size() < pageSize) {
                return cursor;
            }
        }
    }

    private static boolean send(ClientSession s, String json) throws InterruptedException {
        return s.outbox().awaitRoom(ROOM_TIMEOUT_MILLIS) && s.outbox().offer(json);
    }
}
