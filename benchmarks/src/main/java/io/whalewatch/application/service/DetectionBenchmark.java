package io.whalewatch.application.service;

import io.whalewatch.application.port.out.AddressBook;
import io.whalewatch.benchmarks.TagPackFile;
import io.whalewatch.domain.chain.MempoolTransaction;
import io.whalewatch.domain.chain.Satoshis;
import io.whalewatch.domain.chain.TxId;
import io.whalewatch.domain.chain.TxInput;
import io.whalewatch.domain.chain.TxOutput;
import io.whalewatch.domain.detection.WhaleThreshold;
import io.whalewatch.domain.detection.WhaleThresholdPolicy;
import io.whalewatch.domain.fee.FeeMarket;
import io.whalewatch.domain.fee.FeeRate;
import io.whalewatch.domain.fee.FeeUrgencyPolicy;
import io.whalewatch.domain.fee.ProjectedBlock;
import io.whalewatch.domain.fee.RecommendedFees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The application's {@link WhaleDetector} (amount with change heuristics, threshold, flow
 * classification, flags, urgency, predicted height; same package on the class path) over candidate
 * transactions (total output >= 100 BTC, what the source hands on), against a 300,000-address book
 * loaded by the labels module from a generated TagPack. Candidates: 2-5 inputs and 2-4 outputs of
 * generated addresses, about a third paying to or spending from a listed exchange address.
 * Also {@link FeeUrgencyPolicy#score} alone. Times are per transaction.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class DetectionBenchmark {
    private static final int N = 4096;
    private final List<MempoolTransaction> candidates = new ArrayList<>();
    private WhaleDetector detector;
    private MarketState market;
    private FeeMarket feeMarket;
    private final FeeUrgencyPolicy urgency = new FeeUrgencyPolicy();
    private final FeeRate[] rates = new FeeRate[N];

    @Setup
    public void setUp() throws Exception {
        Path pack = Files.createTempDirectory("detect-bench").resolve("book.yaml");
        String[] listed = TagPackFile.write(pack, 300_000, 11);
        AddressBook book = TagPackFile.load(pack);
        detector = new WhaleDetector(new WhaleThresholdPolicy(WhaleThreshold.ofBtc(100)), book);
        feeMarket = FeeMarket.unknown().withRecommended(new RecommendedFees(12, 8, 6, 3, 1))
                .withProjectedBlocks(List.of(new ProjectedBlock(11, List.of(9.0, 10.0, 11.0, 14.0, 30.0), 3000, 997_000),
                        new ProjectedBlock(7, List.of(6.0, 7.0, 8.0), 3100, 998_000),
                        new ProjectedBlock(4, List.of(3.0, 4.0, 5.0), 3300, 999_000)));
        market = new MarketState();
        market.tipHeight(900_000);
        market.feeMarket(feeMarket);
        market.usdPerBtc(95_000);
        Random random = new Random(5);
        for (int i = 0; i < N; i++) {
            candidates.add(candidate(random, listed, i));
            rates[i] = FeeRate.of(1 + random.nextDouble() * 40);
        }
    }

    private static MempoolTransaction candidate(Random random, String[] listed, int i) {
        List<TxInput> in = new ArrayList<>();
        long total = Satoshis.ofBtc(100 + random.nextInt(4900)).value();
        int inputs = 2 + random.nextInt(4);
        for (int k = 0; k < inputs; k++) {
            String a = i % 6 == 1 && k == 0 ? listed[random.nextInt(listed.length)] : TagPackFile.address(random, k + i);
            in.add(TxInput.spending(a, total / inputs + 10_000));
        }
        List<TxOutput> out = new ArrayList<>();
        int outputs = 2 + random.nextInt(3);
        for (int k = 0; k < outputs; k++) {
            String a = i % 3 == 0 && k == 0 ? listed[random.nextInt(listed.length)] : TagPackFile.address(random, k + i + 7);
            out.add(TxOutput.of(a, k == 0 ? total - (outputs - 1) * 50_000L : 50_000L));
        }
        return new MempoolTransaction(TxId.of(String.format("%064x", i + 1)), in, out, Satoshis.of(5_000), 250.0,
                FeeRate.of(20), OptionalInt.of(i % 4), Instant.now());
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void detectAndClassify(Blackhole bh) {
        Instant now = Instant.now();
        for (MempoolTransaction tx : candidates) {
            bh.consume(detector.detect(tx, market, now));
        }
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void urgencyScore(Blackhole bh) {
        for (FeeRate r : rates) {
            bh.consume(urgency.score(r, feeMarket));
        }
    }
}
