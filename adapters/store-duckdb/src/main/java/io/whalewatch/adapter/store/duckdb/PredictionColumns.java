package io.whalewatch.adapter.store.duckdb;

import io.whalewatch.domain.chain.Satoshis;
import io.whalewatch.domain.chain.TxId;
import io.whalewatch.domain.detection.FlowClassification;
import io.whalewatch.domain.detection.FlowType;
import io.whalewatch.domain.detection.SignalFlag;
import io.whalewatch.domain.detection.TransferAmount;
import io.whalewatch.domain.fee.FeeRate;
import io.whalewatch.domain.fee.UrgencyScore;
import io.whalewatch.domain.prediction.Prediction;
import io.whalewatch.domain.prediction.PredictionId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.duckdb.DuckDBAppender;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The mapping between a {@link Prediction} and a {@code mempool_predictions} row, both ways. The
 * amounts are kept in satoshis next to the guide's BTC columns, so a row maps back to an equal
 * prediction (doubles would round).
 */
final class PredictionColumns implements RowMapper<Prediction> {
    static final String TABLE = "mempool_predictions";

    /** Appends one row in table column order (see V1__prediction_tables.sql). */
    static void append(DuckDBAppender row, Prediction p, Instant createdAt) throws SQLException {
        TransferAmount amount = p.amount();
        FlowClassification flow = p.flow();
        long detectedMicros = Utc.toEpochMicros(p.detectedAt());
        row.beginRow()
                .append(p.id().value()).append(p.alertId()).append(p.txid().value()).append(flow.type().wireName())
                .append(amount.transferred().btc()).append(amount.totalOutput().btc())
                .append(amount.transferred().value()).append(amount.totalOutput().value()).append(amount.change().value())
                .append(p.feeRate().satPerVbyte()).append(p.urgency().value()).append(p.rbfSignalled())
                .appendEpochNanos(Utc.toEpochNanos(p.detectedAt())).appendEpochMicros(detectedMicros)
                .append(p.tipHeight()).append(p.predictedHeight())
                .append(JsonStrings.write(flow.exchangeAddresses())).append(JsonStrings.write(flow.exchanges()))
                .append(flow.confidence()).append(JsonStrings.write(flagNames(p.flags())))
                .append(boxed(p.usdPerBtc())).append(boxed(p.usdValue()))
                .append(false).appendEpochMicros(Utc.toEpochMicros(createdAt))
                .endRow();
    }

    private static List<String> flagNames(Set<SignalFlag> flags) {
        return (flags.isEmpty() ? EnumSet.noneOf(SignalFlag.class) : EnumSet.copyOf(flags)).stream()
                .map(SignalFlag::wireName).toList();
    }

    private static Double boxed(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }

    @Override
    public Prediction map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Prediction(new PredictionId(rs.getString("prediction_id")), rs.getLong("alert_id"),
                TxId.of(rs.getString("transaction_id")), amount(rs), flow(rs),
                FeeRate.of(rs.getDouble("fee_rate")), new UrgencyScore(rs.getDouble("urgency_score")),
                rs.getBoolean("rbf_enabled"), Utc.instant(rs, "detection_timestamp"),
                rs.getInt("tip_height"), rs.getInt("predicted_confirmation_block"), flags(rs),
                optional(rs, "usd_price"));
    }

    private static TransferAmount amount(ResultSet rs) throws SQLException {
        long transferred = rs.getLong("transferred_sats");
        if (rs.wasNull()) { // a row written by hand with the guide's columns only
            return TransferAmount.allTransferred(Satoshis.ofBtc(rs.getDouble("btc_value")));
        }
        return new TransferAmount(Satoshis.of(rs.getLong("total_output_sats")), Satoshis.of(transferred),
                Satoshis.of(rs.getLong("change_sats")));
    }

    private static FlowClassification flow(ResultSet rs) throws SQLException {
        return new FlowClassification(FlowType.fromWire(rs.getString("flow_type")),
                JsonStrings.read(rs.getString("exchange_names")), JsonStrings.read(rs.getString("exchange_addresses")),
                optional(rs, "confidence_score").orElse(0.0));
    }

    private static Set<SignalFlag> flags(ResultSet rs) throws SQLException {
        return JsonStrings.read(rs.getString("flags")).stream().map(SignalFlag::fromWire)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    private static OptionalDouble optional(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(value);
    }
}
