package io.whalewatch.adapter.store.duckdb;

import io.whalewatch.application.port.out.PredictionCriteria;
import io.whalewatch.application.port.out.PredictionQueries;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.Query;

/**
 * {@link PredictionQueries} in SQL. Lists page by keyset on {@code alert_id} (descending), so a page
 * boundary never moves when new alerts arrive. Flows unnest the {@code exchange_names} JSON array: a
 * whale counts once for each exchange it names (inflow: the receiving exchanges; outflow: the sending
 * exchange, plus any other exchange that received part of it, since the row does not record which
 * side a name came from; internal: both sides). Buckets are UTC {@code date_trunc} hours or days.
 */
final class DuckDbPredictionQueries implements PredictionQueries {
    private static final String SELECT = "SELECT p.*, " + StoredOutcomeColumns.COLUMNS
            + " FROM mempool_predictions p LEFT JOIN prediction_outcomes o ON o.prediction_id = p.prediction_id ";
    private static final String BY_ID = SELECT + """
            WHERE p.prediction_id = :id OR p.transaction_id = :id
            ORDER BY (p.prediction_id = :id) DESC, p.alert_id LIMIT 1""";
    private static final String FLOWS = """
            SELECT start, exchange,
                   coalesce(sum(btc_value) FILTER (WHERE flow_type = 'inflow'), 0) AS inflow,
                   coalesce(sum(btc_value) FILTER (WHERE flow_type = 'outflow'), 0) AS outflow,
                   coalesce(sum(btc_value) FILTER (WHERE flow_type = 'internal'), 0) AS internal,
                   count(*) AS n
            FROM (SELECT date_trunc(:unit, prediction_timestamp) AS start, flow_type, btc_value,
                         unnest(from_json(exchange_names, '["VARCHAR"]')) AS exchange
                  FROM mempool_predictions
                  WHERE flow_type <> 'unknown' AND prediction_timestamp >= :fromTs AND prediction_timestamp < :toTs)
            GROUP BY start, exchange ORDER BY start, exchange""";
    private static final String VOLUME = """
            SELECT date_trunc(:unit, prediction_timestamp) AS start, count(*) AS alerts, sum(btc_value) AS btc
            FROM mempool_predictions
            WHERE prediction_timestamp >= :fromTs AND prediction_timestamp < :toTs
            GROUP BY 1 ORDER BY 1""";
    private final StoreAccess store;
    private final PredictionColumns predictions = new PredictionColumns();

    DuckDbPredictionQueries(StoreAccess store) {
        this.store = store;
    }

    @Override
    public List<StoredPrediction> find(PredictionCriteria criteria) {
        PredictionFilterSql filter = PredictionFilterSql.of(criteria);
        String sql = SELECT + filter.where() + " ORDER BY p.alert_id DESC LIMIT :limit";
        return store.read("list predictions", h -> {
            Query q = h.createQuery(sql).bind("limit", criteria.limit());
            filter.params().forEach(q::bind);
            return q.map((rs, ctx) -> new StoredPrediction(predictions.map(rs, ctx), StoredOutcomeColumns.map(rs))).list();
        });
    }

    @Override
    public Optional<StoredPrediction> findById(String predictionIdOrTxid) {
        return store.read("find prediction " + predictionIdOrTxid, h -> h.createQuery(BY_ID).bind("id", predictionIdOrTxid)
                .map((rs, ctx) -> new StoredPrediction(predictions.map(rs, ctx), StoredOutcomeColumns.map(rs))).findOne());
    }

    @Override
    public List<FlowBucket> flows(Bucket bucket, Instant from, Instant to) {
        return store.read("read exchange flows", h -> range(h.createQuery(FLOWS), bucket, from, to)
                .map((rs, ctx) -> new FlowBucket(Utc.instant(rs, "start"), rs.getString("exchange"), rs.getDouble("inflow"),
                        rs.getDouble("outflow"), rs.getDouble("internal"), rs.getLong("n"))).list());
    }

    @Override
    public List<VolumeBucket> volume(Bucket bucket, Instant from, Instant to) {
        return store.read("read alert volume", h -> range(h.createQuery(VOLUME), bucket, from, to)
                .map((rs, ctx) -> new VolumeBucket(Utc.instant(rs, "start"), rs.getLong("alerts"), rs.getDouble("btc"))).list());
    }

    private static Query range(Query q, Bucket bucket, Instant from, Instant to) {
        return q.bind("unit", bucket.wireName()).bind("fromTs", Utc.toTimestamp(from)).bind("toTs", Utc.toTimestamp(to));
    }
}
