package io.whalewatch.adapter.mempoolspace;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Session;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;
import org.glassfish.tyrus.container.grizzly.client.GrizzlyClientContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one WebSocket connection to the upstream alive: connects, waits for the session to end,
 * reconnects with jittered exponential backoff (reset after a session that delivered frames),
 * and replaces a connection that stays silent after an app-level ping. Own daemon threads.
 */
final class UpstreamConnector implements AutoCloseable {
    static final String PING = "{\"action\":\"ping\"}";
    private static final Logger LOG = LoggerFactory.getLogger(UpstreamConnector.class);
    /** Room for the frame header on top of the largest accepted payload. */
    private static final int FRAME_HEADROOM = 64 * 1024;
    private static final int QUIET_FAILURES = 3;

    private final MempoolSpaceSettings settings;
    private final FramePipeline pipeline;
    private final SourceCounters counters;
    private final ReconnectBackoff backoff;
    private final Liveness liveness;
    private final Thread thread;
    private final ScheduledExecutorService watchdog =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("mempool-space-keepalive"));
    private volatile boolean running;
    private volatile Live current;
    private boolean connectedBefore;
    private volatile String lastError = "";

    private record Live(Session session, UpstreamEndpoint endpoint) { }

    UpstreamConnector(MempoolSpaceSettings settings, FramePipeline pipeline, SourceCounters counters) {
        this.settings = settings;
        this.pipeline = pipeline;
        this.counters = counters;
        this.backoff = new ReconnectBackoff(settings.reconnectMin(), settings.reconnectMax());
        this.liveness = new Liveness(settings.pingAfter(), settings.pongTimeout());
        this.thread = new Thread(this::run, "mempool-space-connector");
        thread.setDaemon(true);
    }

    void start() {
        running = true;
        thread.start();
        long tick = Math.max(20, Math.min(1_000, Math.min(settings.pingAfter().toMillis(),
                settings.pongTimeout().toMillis()) / 5));
        watchdog.scheduleWithFixedDelay(this::checkLiveness, tick, tick, TimeUnit.MILLISECONDS);
    }

    private void run() {
        int failures = 0;
        while (running) {
            Boolean productive = connectAndServe(failures + 1);
            if (!running) {
                return;
            }
            failures = Boolean.TRUE.equals(productive) ? 0 : failures + 1;
            Duration delay = backoff.delay(Math.max(0, failures - 1));
            if (productive == null) {
                logFailure(failures, delay);
            }
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Null when the connection could not be opened; else whether the session delivered frames. */
    private Boolean connectAndServe(int attempt) {
        ClientManager client = ClientManager.createClient(GrizzlyClientContainer.class.getName());
        client.getProperties().put(ClientProperties.INCOMING_BUFFER_SIZE, settings.maxFrameBytes() + FRAME_HEADROOM);
        client.getProperties().put(ClientProperties.HANDSHAKE_TIMEOUT, settings.connectTimeout().toMillis());
        UpstreamEndpoint endpoint = new UpstreamEndpoint(pipeline, counters, liveness,
                settings.maxFrameBytes(), connectedBefore);
        Session session;
        try {
            session = client.connectToServer(endpoint, ClientEndpointConfig.Builder.create().build(), settings.wsUrl());
        } catch (DeploymentException | IOException | RuntimeException e) {
            lastError = e.getMessage() == null ? e.toString() : e.getMessage();
            client.shutdown();
            return null;
        }
        return serve(client, session, endpoint);
    }

    private boolean serve(ClientManager client, Session session, UpstreamEndpoint endpoint) {
        connectedBefore = true;
        LOG.info("connected to {}", settings.wsUrl());
        current = new Live(session, endpoint);
        try {
            return endpoint.awaitEnd();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            current = null;
            counters.connected(false);
            closeQuietly(session);
            client.shutdown();
        }
    }

    private void logFailure(int failures, Duration delay) {
        String msg = "cannot connect to {} (attempt {}): {}; retrying in {} ms";
        if (failures <= QUIET_FAILURES) {
            LOG.info(msg, settings.wsUrl(), failures, lastError, delay.toMillis());
        } else {
            LOG.warn(msg, settings.wsUrl(), failures, lastError, delay.toMillis());
        }
    }

    private void checkLiveness() {
        try {
            Live live = current;
            if (live != null) {
                judge(live);
            }
        } catch (RuntimeException e) {
            // An exception would cancel the scheduled task and silently end keepalive.
            LOG.warn("keepalive check failed: {}", e.toString());
        }
    }

    private void judge(Live live) {
        switch (liveness.check(System.nanoTime())) {
            case PING -> live.session().getAsyncRemote().sendText(PING);
            case DEAD -> {
                LOG.warn("no frame from {} within {} ms after a ping; replacing the connection",
                        settings.wsUrl(), settings.pongTimeout().toMillis());
                live.endpoint().abandon();
            }
            default -> { }
        }
    }

    private static void closeQuietly(Session session) {
        try {
            if (session.isOpen()) {
                session.close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "reconnecting"));
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("closing the session failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        running = false;
        watchdog.shutdownNow();
        Live live = current;
        if (live != null) {
            live.endpoint().abandon();
        }
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
