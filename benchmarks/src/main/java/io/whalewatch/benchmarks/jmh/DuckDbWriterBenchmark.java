package io.whalewatch.benchmarks.jmh;

import io.whalewatch.adapter.store.duckdb.DuckDbPredictionRepositoryProvider;
import io.whalewatch.application.port.out.PredictionRepository;
import io.whalewatch.application.spi.AdapterConfig;
import io.whalewatch.application.spi.AdapterContext;
import io.whalewatch.application.spi.Ports;
import io.whalewatch.domain.prediction.Prediction;
import io.whalewatch.testkit.Predictions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Writing {@code batch} whale predictions into {@code mempool_predictions} (schema from the
 * migrations, real DuckDB file): the store adapter's {@code saveAll} (existence check + Appender, the
 * production path), a bare DuckDB Appender, and a JDBC PreparedStatement batch in one transaction.
 * Time per batch.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class DuckDbWriterBenchmark {
    private static final String INSERT = "INSERT INTO mempool_predictions (prediction_id, alert_id, transaction_id, flow_type, "
            + "btc_value, total_output_btc, transferred_sats, total_output_sats, change_sats, fee_rate, urgency_score, "
            + "rbf_enabled, detection_timestamp, prediction_timestamp, tip_height, predicted_confirmation_block, "
            + "exchange_addresses, exchange_names, confidence_score, flags, usd_price, usd_value, was_modified, created_at) "
            + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

    /** A fresh migrated database per trial. */
    @State(Scope.Thread)
    public static class Db {
        @Param({"1", "100"})
        public int batch;
        long next = 1;
        Path dir;
        PredictionRepository repository;
        Connection jdbc;

        @Setup(Level.Trial)
        public void open() throws Exception {
            dir = Files.createTempDirectory("duckdb-bench");
            repository = new DuckDbPredictionRepositoryProvider().create(new AdapterContext(
                    AdapterConfig.of(Map.of("DB_PATH", dir.resolve("store.db").toString())), Clock.systemUTC(), Ports.none()));
            // the same schema for the raw paths, in a second file (one DuckDB file per process owner)
            new DuckDbPredictionRepositoryProvider().create(new AdapterContext(
                    AdapterConfig.of(Map.of("DB_PATH", dir.resolve("raw.db").toString())), Clock.systemUTC(), Ports.none())).close();
            jdbc = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("raw.db"));
        }

        List<Prediction> nextBatch() {
            List<Prediction> b = new ArrayList<>(batch);
            for (int i = 0; i < batch; i++) {
                b.add(Predictions.inflow(next++, 150 + i));
            }
            return b;
        }

        @TearDown(Level.Trial)
        public void close() throws Exception {
            jdbc.close();
            repository.close();
        }
    }

    @Benchmark
    public List<Prediction> storeAdapterSaveAll(Db db) {
        return db.repository.saveAll(db.nextBatch());
    }

    @Benchmark
    public void bareAppender(Db db) throws Exception {
        List<Prediction> batch = db.nextBatch();
        try (DuckDBAppender a = db.jdbc.unwrap(DuckDBConnection.class).createAppender(DuckDBConnection.DEFAULT_SCHEMA,
                "mempool_predictions")) {
            for (Prediction p : batch) {
                a.beginRow().append(p.id().value()).append(p.alertId()).append(p.txid().value())
                        .append(p.flow().type().wireName()).append(p.amount().transferred().btc())
                        .append(p.amount().totalOutput().btc()).append(p.amount().transferred().value())
                        .append(p.amount().totalOutput().value()).append(p.amount().change().value())
                        .append(p.feeRate().satPerVbyte()).append(p.urgency().value()).append(p.rbfSignalled())
                        .appendEpochNanos(p.detectedAt().getEpochSecond() * 1_000_000_000L + p.detectedAt().getNano())
                        .appendEpochMicros(p.detectedAt().toEpochMilli() * 1000).append(p.tipHeight()).append(p.predictedHeight())
                        .append("[\"34xp4vRoCGJym3xR7yCVPFHoCNxv4Twseo\"]").append("[\"Binance\"]").append(p.flow().confidence())
                        .append("[]").append(95_000.0).append(p.amount().transferred().btc() * 95_000).append(false)
                        .appendEpochMicros(System.currentTimeMillis() * 1000).endRow();
            }
            a.flush();
        }
    }

    @Benchmark
    public int[] jdbcBatch(Db db) throws Exception {
        List<Prediction> batch = db.nextBatch();
        db.jdbc.setAutoCommit(false);
        try (PreparedStatement ps = db.jdbc.prepareStatement(INSERT)) {
            for (Prediction p : batch) {
                int c = 1;
                ps.setString(c++, p.id().value());
                ps.setLong(c++, p.alertId());
                ps.setString(c++, p.txid().value());
                ps.setString(c++, p.flow().type().wireName());
                ps.setDouble(c++, p.amount().transferred().btc());
                ps.setDouble(c++, p.amount().totalOutput().btc());
                ps.setLong(c++, p.amount().transferred().value());
                ps.setLong(c++, p.amount().totalOutput().value());
                ps.setLong(c++, p.amount().change().value());
                ps.setDouble(c++, p.feeRate().satPerVbyte());
                ps.setDouble(c++, p.urgency().value());
                ps.setBoolean(c++, p.rbfSignalled());
                ps.setTimestamp(c++, Timestamp.from(p.detectedAt()));
                ps.setTimestamp(c++, Timestamp.from(p.detectedAt()));
                ps.setInt(c++, p.tipHeight());
                ps.setInt(c++, p.predictedHeight());
                ps.setString(c++, "[\"34xp4vRoCGJym3xR7yCVPFHoCNxv4Twseo\"]");
                ps.setString(c++, "[\"Binance\"]");
                ps.setDouble(c++, p.flow().confidence());
                ps.setString(c++, "[]");
                ps.setDouble(c++, 95_000.0);
                ps.setDouble(c++, p.amount().transferred().btc() * 95_000);
                ps.setBoolean(c++, false);
                ps.setTimestamp(c, new Timestamp(System.currentTimeMillis()));
                ps.addBatch();
            }
            int[] r = ps.executeBatch();
            db.jdbc.commit();
            return r;
        } finally {
            db.jdbc.setAutoCommit(true);
        }
    }
}
