package io.whalewatch.bootstrap.runtime;

import io.whalewatch.application.port.in.GetHealthUseCase;
import io.whalewatch.application.port.in.ListPredictionsUseCase;
import io.whalewatch.application.port.out.AccessTokens;
import io.whalewatch.application.port.out.ComponentHealth;
import io.whalewatch.application.port.out.SignalPublisher;
import io.whalewatch.application.spi.AdapterContext;
import io.whalewatch.application.spi.SignalFeed;
import io.whalewatch.application.spi.SignalFeedProvider;
import io.whalewatch.application.spi.SignalPublisherProvider;
import io.whalewatch.bootstrap.config.Settings;
import io.whalewatch.bootstrap.plugin.Plugins;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An edge node: no detector, no database. Follows the alert stream a detector publishes to Redis
 * (the "redis" feed) and serves it to WebSocket clients (the "websocket" publisher), whose
 * {@code resume_from} is answered from the stream's history. Wiring order: tokens, feed, health,
 * web server, then the feed starts following from the newest alert in the stream. {@link #close()}
 * stops in reverse order of starting: the feed first (nothing new arrives), then the web server.
 */
public final class EdgeRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EdgeRuntime.class);
    static final String DATABASE = "not used (edge node)";
    private final Clock clock;
    private final Instant startedAt;
    private volatile SignalFeed feed;
    private volatile SignalPublisher web;

    private EdgeRuntime(Clock clock) {
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    /** Starts everything; on failure closes what was already opened and rethrows. */
    public static EdgeRuntime start(Settings settings, Clock clock) {
        EdgeRuntime runtime = new EdgeRuntime(clock);
        try {
            runtime.wire(settings);
            return runtime;
        } catch (RuntimeException e) {
            runtime.close();
            throw e;
        }
    }

    private void wire(Settings settings) {
        StartupChecks.requireProductionSecret(settings);
        AdapterContext context = Contexts.of(settings, clock);
        AccessTokens tokens = Tokens.of(settings, clock);
        feed = Plugins.one(SignalFeedProvider.class, "redis").create(context);
        AdapterContext withPorts = context.withPort(GetHealthUseCase.class, this::health)
                .withPort(ListPredictionsUseCase.class, feed.history())
                .withPort(AccessTokens.class, tokens);
        web = Plugins.one(SignalPublisherProvider.class, "websocket").create(withPorts);
        long from = feed.latestAlertId();
        feed.start(web, from);
        LOG.info("edge node started: serving alerts after alert {} from the Redis stream; clients resume from its history", from);
    }

    /** The edge's /health: healthy or degraded as the feed (and the web server) report; no database. */
    private GetHealthUseCase.HealthReport health() {
        Map<String, ComponentHealth> components = new LinkedHashMap<>();
        SignalFeed f = feed;
        SignalPublisher w = web;
        if (f != null) {
            components.put("feed", f.health());
        }
        if (w != null) {
            components.put("publisher.websocket", w.health());
        }
        boolean down = components.values().stream().anyMatch(c -> c.level() == ComponentHealth.Level.DOWN);
        boolean trouble = components.values().stream().anyMatch(c -> c.level() != ComponentHealth.Level.OK);
        GetHealthUseCase.Status status = down ? GetHealthUseCase.Status.UNHEALTHY
                : trouble ? GetHealthUseCase.Status.DEGRADED : GetHealthUseCase.Status.HEALTHY;
        Instant now = clock.instant();
        return new GetHealthUseCase.HealthReport(status, DATABASE, Duration.between(startedAt, now).toSeconds(),
                startedAt, 0, List.of(), components);
    }

    /** Runs an edge node until SIGINT/SIGTERM, then shuts it down gracefully. */
    public static int run(Settings settings) {
        EdgeRuntime runtime = start(settings, Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("shutting down");
            runtime.close();
            LOG.info("stopped");
            stopped.countDown();
        }, "whalewatch-edge-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** The feed's history, e.g. for tests and tools. */
    public ListPredictionsUseCase history() {
        return feed.history();
    }

    @Override
    public void close() {
        closeQuietly(feed);
        closeQuietly(web);
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            LOG.warn("closing {} failed: {}", c.getClass().getSimpleName(), e.toString());
        }
    }
}
