package io.whalewatch.adapter.store.duckdb;

import io.whalewatch.application.port.out.PredictionCriteria;
import io.whalewatch.domain.detection.FlowType;
import io.whalewatch.domain.detection.SignalFlag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The WHERE clause for {@link PredictionCriteria}. The SQL text is built only from fixed fragments and
 * generated parameter names ({@code :ex0}, {@code :ex1}, ...); every value the client sent is bound,
 * never concatenated. Name lists are matched with DuckDB's {@code list_has_any} over the JSON array
 * columns; exchange names are compared in lower case on both sides.
 */
final class PredictionFilterSql {
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new LinkedHashMap<>();

    private PredictionFilterSql() {
    }

    static PredictionFilterSql of(PredictionCriteria c) {
        PredictionFilterSql sql = new PredictionFilterSql();
        c.from().ifPresent(t -> sql.add("p.prediction_timestamp >= :fromTs", "fromTs", Utc.toTimestamp(t)));
        c.to().ifPresent(t -> sql.add("p.prediction_timestamp < :toTs", "toTs", Utc.toTimestamp(t)));
        c.minBtc().ifPresent(v -> sql.add("p.btc_value >= :minBtc", "minBtc", v));
        c.maxBtc().ifPresent(v -> sql.add("p.btc_value <= :maxBtc", "maxBtc", v));
        c.minUrgency().ifPresent(v -> sql.add("p.urgency_score >= :minUrgency", "minUrgency", v));
        if (c.beforeAlertId() > 0) {
            sql.add("p.alert_id < :before", "before", c.beforeAlertId());
        }
        sql.flowTypes(c.flowTypes());
        sql.anyOf("list_has_any(from_json(lower(p.exchange_names), '[\"VARCHAR\"]'), [%s])", "ex",
                c.exchanges().stream().map(e -> e.toLowerCase(Locale.ROOT)).sorted().toList());
        sql.anyOf("list_has_any(from_json(p.flags, '[\"VARCHAR\"]'), [%s])", "fl",
                c.flags().stream().map(SignalFlag::wireName).sorted().toList());
        sql.statuses(c.statuses());
        return sql;
    }

    private void add(String condition, String name, Object value) {
        conditions.add(condition);
        params.put(name, value);
    }

    private void flowTypes(Set<FlowType> types) {
        anyOf("p.flow_type IN (%s)", "ft", types.stream().map(FlowType::wireName).sorted().toList());
    }

    /** {@code template} with {@code %s} replaced by the list of generated parameter names. */
    private void anyOf(String template, String prefix, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            names.add(":" + prefix + i);
            params.put(prefix + i, values.get(i));
        }
        conditions.add(String.format(template, String.join(", ", names)));
    }

    private void statuses(Set<String> statuses) {
        if (statuses.isEmpty()) {
            return;
        }
        List<String> stored = statuses.stream().filter(s -> !s.equals("pending")).sorted().collect(Collectors.toList());
        List<String> alternatives = new ArrayList<>();
        if (statuses.contains("pending")) {
            alternatives.add("o.prediction_id IS NULL");
        }
        if (!stored.isEmpty()) {
            PredictionFilterSql inner = new PredictionFilterSql();
            inner.anyOf("o.outcome_status IN (%s)", "st", stored);
            alternatives.add(inner.conditions.get(0));
            params.putAll(inner.params);
        }
        conditions.add("(" + String.join(" OR ", alternatives) + ")");
    }

    String where() {
        return conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions);
    }

    Map<String, Object> params() {
        return params;
    }
}
