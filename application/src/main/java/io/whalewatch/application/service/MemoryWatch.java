package io.whalewatch.application.service;

import io.whalewatch.application.ResilienceSettings;
import io.whalewatch.application.port.in.GetMemoryStatusUseCase;
import io.whalewatch.application.port.in.RelieveMemoryPressureUseCase;
import io.whalewatch.application.port.out.ComponentHealth;
import io.whalewatch.application.port.out.ProcessMemory;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads memory every MEMORY_CHECK_INTERVAL_SECONDS; above MEMORY_THRESHOLD_MB it posts a relief to
 * the pipeline inbox (the caches are single-threaded) and then, if the relief shed anything, suggests
 * a GC, so the freed entries are actually returned. Health: "memory" degraded above the threshold, down (overall unhealthy)
 * above MEMORY_MAX_MB.
 */
final class MemoryWatch implements GetMemoryStatusUseCase, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(MemoryWatch.class.getName());
    private static final long MB = 1024L * 1024L;
    /** A relief (and its full GC) at most once a minute: RSS often stays high after a GC, and shedding again would gain nothing. */
    private static final long RELIEF_COOLDOWN_NANOS = TimeUnit.SECONDS.toNanos(60);
    private final ProcessMemory memory;
    private final ResilienceSettings settings;
    private final PipelineInbox inbox;
    private final RelieveMemoryPressureUseCase relief;
    private final Runnable collect;
    private final ScheduledExecutorService timer = Threads.scheduler("whalewatch-memory");
    private final AtomicBoolean reliefPosted = new AtomicBoolean();
    private final AtomicLong reliefs = new AtomicLong();
    private volatile MemoryStatus last;
    private volatile long lastReliefNanos = System.nanoTime() - RELIEF_COOLDOWN_NANOS;

    MemoryWatch(ProcessMemory memory, ResilienceSettings settings, PipelineInbox inbox, RelieveMemoryPressureUseCase relief) {
        this(memory, settings, inbox, relief, System::gc);
    }

    /** @param collect suggests a collection ({@code System.gc()}); a test counts the calls instead */
    MemoryWatch(ProcessMemory memory, ResilienceSettings settings, PipelineInbox inbox, RelieveMemoryPressureUseCase relief,
            Runnable collect) {
        this.memory = memory;
        this.settings = settings;
        this.inbox = inbox;
        this.relief = relief;
        this.collect = collect;
    }

    void start() {
        long ms = settings.memoryCheckInterval().toMillis();
        timer.scheduleWithFixedDelay(this::check, 0, ms, TimeUnit.MILLISECONDS);
    }

    /** Reads memory and posts a relief when above the threshold; returns the reading. */
    MemoryStatus check() {
        try {
            MemoryStatus now = read();
            boolean cooled = System.nanoTime() - lastReliefNanos >= RELIEF_COOLDOWN_NANOS;
            if (now.pressure() != Pressure.NORMAL && cooled && reliefPosted.compareAndSet(false, true)) {
                inbox.post(this::relieveNow);
            }
            return now;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "memory check failed: " + e.getMessage());
            return last;
        }
    }

    private void relieveNow() {
        reliefPosted.set(false);
        lastReliefNanos = System.nanoTime();
        RelieveMemoryPressureUseCase.Relief r = relief.relieve();
        reliefs.incrementAndGet();
        boolean shed = r.txidsForgotten() + r.trackedEvicted() > 0;
        if (shed) {
            // a suggestion: the shed entries are garbage only once collected. With nothing shed there is
            // nothing to gain, and the full collection would stop every thread (about 140 ms with 10,000
            // WebSocket clients, whose sessions alone keep the RSS above the default threshold)
            collect.run();
        }
        LOG.log(System.Logger.Level.WARNING, "memory above " + settings.memoryThresholdBytes() / MB + " MB: forgot "
                + r.txidsForgotten() + " recent txids, evicted " + r.trackedEvicted() + " tracked whales from memory"
                + (shed ? "" : " (nothing to shed, no collection requested)"));
    }

    private MemoryStatus read() {
        ProcessMemory.Usage u = memory.read();
        long measured = u.measuredBytes();
        Pressure p = measured > settings.memoryMaxBytes() ? Pressure.CRITICAL
                : measured > settings.memoryThresholdBytes() ? Pressure.HIGH : Pressure.NORMAL;
        last = new MemoryStatus(u.residentBytes(), u.heapUsedBytes(), u.heapMaxBytes(), settings.memoryThresholdBytes(),
                settings.memoryMaxBytes(), p, reliefs.get());
        return last;
    }

    @Override
    public MemoryStatus memory() {
        MemoryStatus s = last != null ? last : read();
        return new MemoryStatus(s.residentBytes(), s.heapUsedBytes(), s.heapMaxBytes(), s.thresholdBytes(), s.maxBytes(),
                s.pressure(), reliefs.get());
    }

    ComponentHealth health() {
        MemoryStatus s = memory();
        String detail = (s.residentBytes() >= 0 ? "rss " + s.residentBytes() / MB + " MB, " : "") + "heap "
                + s.heapUsedBytes() / MB + "/" + s.heapMaxBytes() / MB + " MB; threshold " + s.thresholdBytes() / MB
                + " MB, max " + s.maxBytes() / MB + " MB; " + s.reliefs() + " reliefs";
        return switch (s.pressure()) {
            case NORMAL -> ComponentHealth.ok(detail);
            case HIGH -> ComponentHealth.degraded(detail);
            case CRITICAL -> ComponentHealth.down(detail);
        };
    }

    @Override
    public void close() {
        Threads.stop(timer);
    }
}
