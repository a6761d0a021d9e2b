package io.whalewatch.benchmarks.jmh;

import io.whalewatch.adapter.store.duckdb.DuckDbPredictionRepositoryProvider;
import io.whalewatch.application.port.out.PredictionJournal;
import io.whalewatch.application.port.out.PredictionRepository;
import io.whalewatch.application.spi.AdapterConfig;
import io.whalewatch.application.spi.AdapterContext;
import io.whalewatch.application.spi.Ports;
import io.whalewatch.domain.prediction.Prediction;
import io.whalewatch.testkit.Predictions;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
 * Making {@code batch} predictions durable: an append to the store's prediction journal (one write
 * and one fdatasync, the pipeline's hot path once alerts are published from the journal) against the
 * store's {@code saveAll} (a DuckDB transaction with its commit), both on real files through the
 * "duckdb" provider, as the application reaches them. Time per call. The journal is settled between
 * iterations, as the store would settle it, so it does not grow across the run. The physical
 * reference is a bare 512-byte write and {@code force(false)} on the same disk.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class PredictionJournalBenchmark {

    /** A fresh store and journal per trial. */
    @State(Scope.Thread)
    public static class Store {
        @Param({"1", "100"})
        public int batch;
        long next = 1;
        Path dir;
        PredictionRepository repository;
        PredictionJournal journal;

        @Setup(Level.Trial)
        public void open() throws Exception {
            dir = Files.createTempDirectory("journal-bench");
            repository = new DuckDbPredictionRepositoryProvider().create(new AdapterContext(
                    AdapterConfig.of(Map.of("DB_PATH", dir.resolve("store.db").toString())), Clock.systemUTC(), Ports.none()));
            journal = repository.port(PredictionJournal.class).orElseThrow();
        }

        List<Prediction> nextBatch() {
            List<Prediction> b = new ArrayList<>(batch);
            for (int i = 0; i < batch; i++) {
                b.add(Predictions.inflow(next++, 150 + i));
            }
            return b;
        }

        @TearDown(Level.Iteration)
        public void settle() {
            journal.settle(next - 1);
        }

        @TearDown(Level.Trial)
        public void close() {
            repository.close();
        }
    }

    /** The physical reference: a bare 512-byte append and fdatasync on a channel kept open, same disk. */
    @State(Scope.Thread)
    public static class RawFile {
        final ByteBuffer record = ByteBuffer.allocate(512);
        Path dir;
        FileChannel channel;
        long position;

        @Setup(Level.Trial)
        public void open() throws Exception {
            dir = Files.createTempDirectory("journal-bench-raw");
            channel = FileChannel.open(dir.resolve("raw.journal"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        }

        @TearDown(Level.Iteration)
        public void truncate() throws Exception {
            channel.truncate(0);
            position = 0;
        }

        @TearDown(Level.Trial)
        public void close() throws Exception {
            channel.close();
        }
    }

    @Benchmark
    public long bareWriteAndForce512(RawFile raw) throws Exception {
        raw.record.clear();
        raw.position += raw.channel.write(raw.record, raw.position);
        raw.channel.force(false);
        return raw.position;
    }

    @Benchmark
    public Store journalAppend(Store store) {
        store.journal.append(store.nextBatch());
        return store;
    }

    @Benchmark
    public List<Prediction> storeSaveAll(Store store) {
        return store.repository.saveAll(store.nextBatch());
    }
}
