package io.whalewatch.adapter.web.api;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.whalewatch.application.port.in.GetPipelineStatsUseCase;
import io.whalewatch.application.port.in.GetSourceStatusUseCase;
import io.whalewatch.application.port.out.SourceStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.function.ToDoubleFunction;

/**
 * The Prometheus registry behind {@code /metrics}. Counters that other parts already keep (pipeline,
 * source, WebSocket hub) are read at scrape time through function counters and gauges, so nothing on
 * the hot path calls Micrometer. JVM memory, GC, threads, class loading, CPU and uptime come from
 * Micrometer's binders; the resident set size from {@code /proc/self/status}.
 */
final class WebMetrics implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    WebMetrics(ApiPorts ports, Clock clock) {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        Gauge.builder("process.resident.memory", ProcessMemory::residentBytes).baseUnit("bytes")
                .description("Resident set size (VmRSS)").register(registry);
        ports.pipeline().ifPresent(this::pipeline);
        ports.source().ifPresent(s -> source(s, clock));
        ports.outbox().ifPresent(o -> Gauge.builder("whalewatch.notifications.pending", o, x -> x.pendingCount())
                .description("Notifications waiting for delivery in the durable outbox").register(registry));
        hub(ports);
    }

    private void pipeline(GetPipelineStatsUseCase p) {
        counter("whalewatch.transactions.processed", p, s -> s.stats().transactions(), "Transactions announced to the pipeline");
        counter("whalewatch.whales.detected", p, s -> s.stats().whales(), "Whales detected, stored and published");
        counter("whalewatch.duplicate.announcements", p, s -> s.stats().duplicates(), "Re-announced transactions ignored");
        counter("whalewatch.outcomes.recorded", p, s -> s.stats().outcomes(), "Prediction outcomes recorded");
        counter("whalewatch.store.failures", p, s -> s.stats().storeFailures(), "Failed store writes");
        counter("whalewatch.resyncs", p, s -> s.stats().resyncs(), "Resynchronisations after gaps or reconnects");
        Gauge.builder("whalewatch.tracked.whales", p, s -> s.stats().tracked())
                .description("Whales waiting for an outcome").register(registry);
        registry.getPrometheusRegistry().register(LatencyHistogramCollector.detectionLatency(p));
        registry.getPrometheusRegistry().register(LatencyHistogramCollector.detectionStages(p));
    }

    private void source(GetSourceStatusUseCase s, Clock clock) {
        counter("whalewatch.frames.received", s, x -> x.status().framesReceived(), "Frames received from the mempool source");
        counter("whalewatch.frames.rejected", s, x -> x.status().framesRejected(), "Malformed or absurd frames skipped");
        counter("whalewatch.gaps.detected", s, x -> x.status().gapsDetected(), "Sequence gaps and upstream restarts seen");
        counter("whalewatch.source.reconnects", s, x -> x.status().reconnects(), "Reconnections to the mempool source");
        Gauge.builder("whalewatch.source.connected", s, x -> x.status().connected() ? 1 : 0)
                .description("1 while connected to the mempool source").register(registry);
        Gauge.builder("whalewatch.source.last.frame.age", s, x -> frameAge(x.status(), clock)).baseUnit("seconds")
                .description("Seconds since the last frame (NaN before the first)").register(registry);
    }

    private static double frameAge(SourceStatus s, Clock clock) {
        return s.lastFrameAt().map(t -> Duration.between(t, clock.instant()).toMillis() / 1000.0).orElse(Double.NaN);
    }

    private void hub(ApiPorts ports) {
        Gauge.builder("whalewatch.websocket.clients", ports, p -> p.hub().get().connections() - p.hub().get().authenticated())
                .tag("state", "connecting").description("Alert WebSocket clients by state").register(registry);
        Gauge.builder("whalewatch.websocket.clients", ports, p -> p.hub().get().authenticated())
                .tag("state", "authenticated").description("Alert WebSocket clients by state").register(registry);
        counter("whalewatch.alerts.sent", ports, p -> p.hub().get().alertsSent(), "Alerts queued to WebSocket clients");
        counter("whalewatch.websocket.slow.consumers.dropped", ports, p -> p.hub().get().slowConsumersDropped(),
                "WebSocket clients dropped because their send queue was full (their pending alerts with them)");
        counter("whalewatch.websocket.auth.failures", ports, p -> p.hub().get().authFailures(), "Refused WebSocket tokens");
        counter("whalewatch.websocket.connections.refused", ports, p -> p.hub().get().connectionsRefused(),
                "WebSocket upgrades refused (503) because WS_MAX_CONNECTIONS were open");
    }

    private <T> void counter(String name, T source, ToDoubleFunction<T> value, String help) {
        FunctionCounter.builder(name, source, value).description(help).register(registry);
    }

    MeterRegistry registry() {
        return registry;
    }

    String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
