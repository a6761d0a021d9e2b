package io.whalewatch.adapter.web.api;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ConcurrentHashMap;

/** Counts API responses by status class and rate-limit refusals. */
final class ApiMeters {
    private final MeterRegistry registry;
    private final ConcurrentHashMap<Integer, Counter> byStatus = new ConcurrentHashMap<>();
    private final Counter rateLimited;

    ApiMeters(MeterRegistry registry) {
        this.registry = registry;
        this.rateLimited = Counter.builder("whalewatch.api.rate.limited")
                .description("API requests refused with 429").register(registry);
    }

    void count(int status) {
        byStatus.computeIfAbsent(status, s -> Counter.builder("whalewatch.api.requests")
                .description("API responses by HTTP status").tag("status", Integer.toString(s)).register(registry))
                .increment();
    }

    void rateLimited() {
        rateLimited.increment();
    }
}
