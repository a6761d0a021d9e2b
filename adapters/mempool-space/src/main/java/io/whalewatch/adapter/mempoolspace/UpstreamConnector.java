package io.whalewatch.adapter.mempoolspace;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Session;
import java.io.IOException;
import java.time.Duration;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;
import io.whalewatch.adapter.mempoolspace.tyrus.TextAsBinaryClientContainer;
import io.whalewatch.adapter.mempoolspace.tyrus.WholeTextFrames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one WebSocket connection to the upstream alive: connects, waits for the session to end,
 * reconnects with jittered exponential backoff (reset after a session that delivered frames),
 * and replaces a connection that stays silent after an app-level ping. Own daemon threads.
 */
final class UpstreamConnector implements AutoCloseable {
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
    private final KeepaliveWatchdog watchdog;
    private volatile boolean running;
    private volatile LiveSession current;
    private boolean connectedBefore;
    private volatile String lastError = "";

    UpstreamConnector(MempoolSpaceSettings settings, FramePipeline pipeline, SourceCounters counters) {
        this.settings = settings;
        this.pipeline = pipeline;
        this.counters = counters;
        this.backoff = new ReconnectBackoff(settings.reconnectMin(), settings.reconnectMax());
        this.liveness = new Liveness(settings.pingAfter(), settings.pongTimeout());
        this.watchdog = new KeepaliveWatchdog(settings, liveness, () -> current);
        this.thread = new Thread(this::run, "mempool-space-connector");
        thread.setDaemon(true);
    }

    void start() {
        running = true;
        thread.start();
        watchdog.start();
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
        // Grizzly's transport, with the server's text frames handed over as their bytes (no String round trip).
        ClientManager client = ClientManager.createClient(TextAsBinaryClientContainer.class.getName());
        client.getProperties().put(ClientProperties.INCOMING_BUFFER_SIZE, settings.maxFrameBytes() + FRAME_HEADROOM);
        client.getProperties().put(ClientProperties.HANDSHAKE_TIMEOUT, settings.connectTimeout().toMillis());
        UpstreamEndpoint endpoint = new UpstreamEndpoint(pipeline, counters, liveness,
                settings.maxFrameBytes(), connectedBefore);
        Session session;
        try {
            ClientEndpointConfig config = ClientEndpointConfig.Builder.create().build();
            config.getUserProperties().put(WholeTextFrames.USER_PROPERTY, endpoint.wholeTextFrames());
            session = client.connectToServer(endpoint, config, settings.wsUrl());
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
        current = new LiveSession(session, endpoint);
        try {
            return endpoint.awaitEnd();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            current = null;
            counters.connected(false);
            closeQuietly(session, running ? "reconnecting" : "client closing");
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

    private static void closeQuietly(Session session, String why) {
        try {
            if (session.isOpen()) {
                session.close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, why));
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("closing the session failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        running = false;
        watchdog.close();
        LiveSession live = current;
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
