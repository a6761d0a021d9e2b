package io.whalewatch.application.service;

import io.whalewatch.application.port.in.GetPipelineStatsUseCase.LatencySnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A fixed-bucket latency histogram (Prometheus-style cumulative buckets), written on the pipeline
 * thread and read from anywhere. Buckets from 100 µs to 10 s cover steady-state (sub-millisecond)
 * and resync bursts (seconds) alike; they are denser from 0.5 to 10 ms, where the steady-state
 * target (p99 under 5 ms) is judged, so a quantile there is known to within a millisecond or so,
 * and from 10 to 250 ms, where the burst target (p99 under 100 ms) is.
 */
final class LatencyHistogram {
    private static final long[] BOUNDS_MICROS = {100, 250, 500, 750, 1_000, 1_500, 2_000, 2_500, 3_000, 4_000,
        5_000, 7_500, 10_000, 15_000, 25_000, 35_000, 50_000, 75_000, 100_000, 150_000, 200_000, 250_000, 500_000,
        1_000_000, 2_500_000, 5_000_000, 10_000_000};
    private final LongAdder[] buckets = new LongAdder[BOUNDS_MICROS.length];
    private final LongAdder count = new LongAdder();
    private final LongAdder sumMicros = new LongAdder();
    private final AtomicLong maxMicros = new AtomicLong();

    LatencyHistogram() {
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = new LongAdder();
        }
    }

    void record(Duration latency) {
        recordNanos(latency.toNanos());
    }

    void recordNanos(long nanos) {
        long micros = Math.max(0, nanos / 1_000);
        for (int i = 0; i < BOUNDS_MICROS.length; i++) {
            if (micros <= BOUNDS_MICROS[i]) {
                buckets[i].increment();
                break;
            }
        }
        count.increment();
        sumMicros.add(micros);
        maxMicros.accumulateAndGet(micros, Math::max);
    }

    LatencySnapshot snapshot() {
        List<Double> bounds = new ArrayList<>();
        List<Long> cumulative = new ArrayList<>();
        long running = 0;
        for (int i = 0; i < BOUNDS_MICROS.length; i++) {
            running += buckets[i].sum();
            bounds.add(BOUNDS_MICROS[i] / 1e6);
            cumulative.add(running);
        }
        return new LatencySnapshot(bounds, cumulative, count.sum(), sumMicros.sum() / 1e6, maxMicros.get() / 1e6);
    }
}
