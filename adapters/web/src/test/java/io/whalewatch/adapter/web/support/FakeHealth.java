package io.whalewatch.adapter.web.support;

import io.whalewatch.application.port.in.GetHealthUseCase;
import io.whalewatch.application.port.out.ComponentHealth;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A health report the test sets. */
public final class FakeHealth implements GetHealthUseCase {
    public volatile HealthReport report = report(Status.HEALTHY, "connected", Map.of("store", ComponentHealth.ok("ok")));

    public static HealthReport report(Status status, String database, Map<String, ComponentHealth> components) {
        return new HealthReport(status, database, 12_345, Instant.parse("2026-11-19T10:00:00Z"), 0, List.of(), components);
    }

    @Override
    public HealthReport health() {
        return report;
    }
}
