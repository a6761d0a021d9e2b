package io.whalewatch.application.service;

import io.whalewatch.application.port.in.GetHealthUseCase;
import io.whalewatch.application.port.out.ComponentHealth;
import io.whalewatch.application.port.out.MempoolSource;
import io.whalewatch.application.port.out.PredictionRepository;
import io.whalewatch.application.port.out.SignalPublisher;
import io.whalewatch.application.port.out.SourceStatus;
import io.whalewatch.application.port.out.StoreHealth;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Health: unhealthy when the database fails; degraded when the source is disconnected or silent
 * for longer than {@link #SILENCE_LIMIT} (mempool.space sends something every second or so) or a
 * component reports trouble; healthy otherwise. Components added with {@link #component} as
 * critical (memory above MEMORY_MAX_MB) make it unhealthy when down.
 */
final class HealthService implements GetHealthUseCase {
    static final Duration SILENCE_LIMIT = Duration.ofSeconds(60);
    private final Clock clock;
    private final Instant startedAt;
    private final PredictionRepository repository;
    private final MempoolSource source;
    private final SignalFanOut fanOut;
    private final java.util.function.Supplier<ComponentHealth> notifications;
    private final Map<String, java.util.function.Supplier<ComponentHealth>> extra = new java.util.concurrent.ConcurrentSkipListMap<>();
    private final java.util.Set<String> critical = java.util.concurrent.ConcurrentHashMap.newKeySet();

    HealthService(Clock clock, PredictionRepository repository, MempoolSource source, SignalFanOut fanOut) {
        this(clock, repository, source, fanOut, () -> null);
    }

    /** With a "notifications" component (outbox backlog); a null from {@code notifications} omits it. */
    HealthService(Clock clock, PredictionRepository repository, MempoolSource source, SignalFanOut fanOut,
            java.util.function.Supplier<ComponentHealth> notifications) {
        this.notifications = notifications;
        this.clock = clock;
        this.startedAt = clock.instant();
        this.repository = repository;
        this.source = source;
        this.fanOut = fanOut;
    }

    /** Adds a component (e.g. "memory"); when {@code downIsUnhealthy}, its being down makes the service unhealthy. */
    void component(String name, java.util.function.Supplier<ComponentHealth> health, boolean downIsUnhealthy) {
        extra.put(name, health);
        if (downIsUnhealthy) {
            critical.add(name);
        }
    }

    @Override
    public HealthReport health() {
        Instant now = clock.instant();
        StoreHealth store = repository.health();
        SourceStatus status = source.status();
        Map<String, ComponentHealth> components = new LinkedHashMap<>();
        components.put("database", store.healthy() ? ComponentHealth.ok(store.description()) : ComponentHealth.down(store.description()));
        components.put("source", sourceHealth(status, now));
        ComponentHealth outbox = notifications.get();
        if (outbox != null) {
            components.put("notifications", outbox);
        }
        extra.forEach((name, c) -> components.put(name, c.get()));
        int i = 0;
        for (SignalPublisher p : fanOut.publishers()) {
            components.put("publisher." + p.getClass().getSimpleName() + (i++ == 0 ? "" : "." + i), p.health());
        }
        return new HealthReport(overall(store, components), store.description(),
                Duration.between(startedAt, now).toSeconds(), startedAt, status.gapsDetected(), List.of(), components);
    }

    private ComponentHealth sourceHealth(SourceStatus s, Instant now) {
        if (!s.connected()) {
            return ComponentHealth.down("disconnected from " + s.upstream() + " (reconnects: " + s.reconnects() + ")");
        }
        Duration silence = s.lastFrameAt().map(t -> Duration.between(t, now)).orElse(Duration.between(startedAt, now));
        // The counters make skipped frames and replaced connections visible without log access.
        String detail = "connected to " + s.upstream() + ", last frame " + silence.toSeconds() + " s ago"
                + "; frames " + s.framesReceived() + " (rejected " + s.framesRejected() + "), reconnects " + s.reconnects();
        return silence.compareTo(SILENCE_LIMIT) > 0 ? ComponentHealth.degraded(detail) : ComponentHealth.ok(detail);
    }

    private Status overall(StoreHealth store, Map<String, ComponentHealth> components) {
        boolean criticalDown = critical.stream().map(components::get)
                .anyMatch(c -> c != null && c.level() == ComponentHealth.Level.DOWN);
        if (!store.healthy() || criticalDown) {
            return Status.UNHEALTHY;
        }
        boolean trouble = components.values().stream().anyMatch(c -> c.level() != ComponentHealth.Level.OK);
        return trouble ? Status.DEGRADED : Status.HEALTHY;
    }
}
