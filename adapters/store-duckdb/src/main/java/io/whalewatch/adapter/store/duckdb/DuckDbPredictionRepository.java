package io.whalewatch.adapter.store.duckdb;

import io.whalewatch.application.port.out.DataRetention;
import io.whalewatch.application.port.out.DatabaseBackup;
import io.whalewatch.application.port.out.NotificationOutbox;
import io.whalewatch.application.port.out.OutcomeStatistics;
import io.whalewatch.application.port.out.PredictionJournal;
import io.whalewatch.application.port.out.PredictionQueries;
import io.whalewatch.application.port.out.PredictionRepository;
import io.whalewatch.application.port.out.StoreHealth;
import io.whalewatch.domain.chain.TxId;
import io.whalewatch.domain.prediction.Prediction;
import io.whalewatch.domain.prediction.PredictionOutcome;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link PredictionRepository} on a DuckDB file. Each call runs on its own duplicate of the root
 * connection, so reads from any thread see committed data (DuckDB MVCC) while the single pipeline
 * thread writes. Writes are one transaction per call; predictions go through the Appender.
 */
final class DuckDbPredictionRepository implements PredictionRepository {
    private static final String UNRESOLVED_WHERE = """
            FROM mempool_predictions p
            LEFT JOIN prediction_outcomes o ON o.prediction_id = p.prediction_id
            WHERE o.prediction_id IS NULL
               OR (o.outcome_status = 'dropped' AND o.provisional)
               OR o.outcome_status = 'replaced'
            ORDER BY p.detection_timestamp, p.alert_id
            LIMIT :limit""";
    private static final String UNRESOLVED = "SELECT p.* " + UNRESOLVED_WHERE;
    private static final String TRACKED = "SELECT p.*, " + TrackedOutcomes.COLUMNS + " " + UNRESOLVED_WHERE;

    private final DuckDbDatabase db;
    private final Jdbi jdbi;
    private final Clock clock;
    private final PredictionColumns mapper = new PredictionColumns();
    private final StoreAccess store;
    private final PredictionJournal journal;
    private final Map<Class<?>, Object> ports;

    private DuckDbPredictionRepository(DuckDbDatabase db, PredictionJournal journal, Clock clock) {
        this.db = db;
        this.jdbi = db.jdbi();
        this.clock = clock;
        this.store = new StoreAccess(db);
        this.journal = journal;
        this.ports = Map.of(
                PredictionJournal.class, journal,
                OutcomeStatistics.class, new DuckDbOutcomeStatistics(store),
                NotificationOutbox.class, new DuckDbNotificationOutbox(store),
                DataRetention.class, new DuckDbDataRetention(store),
                PredictionQueries.class, new DuckDbPredictionQueries(store),
                DatabaseBackup.class, new DuckDbDatabaseBackup(db));
    }

    /**
     * Opens (creating and migrating if needed) the store in {@code file}, and its prediction journal
     * in {@code <file>.journal} (in memory for an in-memory database, which does not outlive the
     * process either). The journal is opened after the database, whose lock already keeps a second
     * process away.
     */
    static DuckDbPredictionRepository open(Path file, Clock clock) {
        return open(file, DuckDbLimits.DEFAULTS, clock);
    }

    /** As {@link #open(Path, Clock)}, within DuckDB's memory and thread {@code limits}. */
    static DuckDbPredictionRepository open(Path file, DuckDbLimits limits, Clock clock) {
        DuckDbDatabase db = DuckDbDatabase.open(file, limits);
        try {
            PredictionJournal journal = DuckDbDatabase.IN_MEMORY.equals(file.toString())
                    ? new MemoryJournal()
                    : JournalFile.open(JournalFile.besides(file), JournalFile.Limits.DEFAULT);
            return new DuckDbPredictionRepository(db, journal, clock);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** The open database, for tests in this package. */
    DuckDbDatabase database() {
        return db;
    }

    @Override
    public List<Prediction> saveAll(List<Prediction> predictions) {
        if (predictions.isEmpty()) {
            return List.of();
        }
        Map<String, Prediction> byId = new LinkedHashMap<>();
        predictions.forEach(p -> byId.putIfAbsent(p.id().value(), p)); // the first of duplicates in one batch wins
        return inTransaction("save " + byId.size() + " predictions",
                h -> PredictionWriter.insertNew(h, List.copyOf(byId.values()), clock.instant()));
    }

    @Override
    public void saveOutcomes(List<PredictionOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        inTransaction("save " + outcomes.size() + " outcomes", h -> {
            for (PredictionOutcome outcome : outcomes) {
                OutcomeRow row = OutcomeRow.from(outcome, clock.instant());
                if (row.bindTo(h.createUpdate(OutcomeRow.UPDATE)).execute() == 0) {
                    row.bindTo(h.createUpdate(OutcomeRow.INSERT)).execute();
                }
            }
            return null;
        });
    }

    @Override
    public Optional<Prediction> findByTxid(TxId txid) {
        return read("find prediction of " + txid, h -> h.createQuery(
                        "SELECT * FROM mempool_predictions WHERE transaction_id = :txid ORDER BY alert_id LIMIT 1")
                .bind("txid", txid.value()).map(mapper).findOne());
    }

    @Override
    public List<Prediction> findUnresolved(int limit) {
        return read("find unresolved predictions",
                h -> h.createQuery(UNRESOLVED).bind("limit", Math.max(0, limit)).map(mapper).list());
    }

    @Override
    public List<PredictionOutcome> findTracked(int limit) {
        return read("find tracked predictions", h -> h.createQuery(TRACKED).bind("limit", Math.max(0, limit))
                .map((rs, ctx) -> TrackedOutcomes.map(mapper.map(rs, ctx), rs)).list());
    }

    /**
     * The outbox, statistics, retention, queries and online backup on this same file (one connection,
     * one lock), and the {@link PredictionJournal} next to it.
     */
    @Override
    public <T> Optional<T> port(Class<T> type) {
        return Optional.ofNullable(ports.get(type)).map(type::cast);
    }

    @Override
    public List<Prediction> findAfterAlertId(long alertId, int limit) {
        return read("find predictions after alert " + alertId, h -> h.createQuery(
                        "SELECT * FROM mempool_predictions WHERE alert_id > :after ORDER BY alert_id LIMIT :limit")
                .bind("after", alertId).bind("limit", Math.max(0, limit)).map(mapper).list());
    }

    @Override
    public long lastAlertId() {
        return read("read the last alert id", h -> h.createQuery(
                "SELECT coalesce(max(alert_id), 0) FROM mempool_predictions").mapTo(Long.class).one());
    }

    @Override
    public StoreHealth health() {
        if (db.isClosed()) {
            return StoreHealth.failing("closed");
        }
        try {
            jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
            return StoreHealth.connected();
        } catch (RuntimeException e) {
            return StoreHealth.failing(StoreFailures.firstLine(String.valueOf(e.getMessage())));
        }
    }

    @Override
    public void close() {
        try {
            journal.close();
        } finally {
            db.close();
        }
    }

    private <T> T read(String what, HandleCallback<T, RuntimeException> work) {
        return store.read(what, work);
    }

    private <T> T inTransaction(String what, HandleCallback<T, Exception> work) {
        return store.inTransaction(what, work);
    }
}
