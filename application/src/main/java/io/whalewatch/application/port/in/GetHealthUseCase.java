package io.whalewatch.application.port.in;

import io.whalewatch.application.port.out.ComponentHealth;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Reports the service's health as /health shows it. */
public interface GetHealthUseCase {

    HealthReport health();

    /** Overall state, worst component wins. */
    enum Status {
        HEALTHY, DEGRADED, UNHEALTHY;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * The /health body of the operations guide plus per-component detail.
     *
     * @param database      "connected" or what is wrong with it
     * @param missingDates  days (ISO dates) within the retention window with no data while the
     *                      service was meant to be running; empty in normal operation
     */
    record HealthReport(
            Status status,
            String database,
            long uptimeSeconds,
            Instant startedAt,
            long gapsDetected,
            List<String> missingDates,
            Map<String, ComponentHealth> components) {

        public HealthReport {
            missingDates = List.copyOf(missingDates);
            components = Map.copyOf(components);
        }
    }
}
