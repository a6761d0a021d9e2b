package io.whalewatch.adapter.web.alert;

import io.whalewatch.application.port.in.ListPredictionsUseCase;
import io.whalewatch.application.port.in.QueryPredictionsUseCase;
import io.whalewatch.application.port.out.AccessTokens;
import io.whalewatch.domain.prediction.Prediction;
import io.whalewatch.domain.prediction.PredictionUpdate;
import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.server.ServerEndpointConfig;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fan-out to alert clients. {@link #publishAlert} runs on the pipeline thread: it serialises
 * the alert once (and the first sender frames it once, see {@link OutText}), then for each
 * matching client only enqueues the same message (a few microseconds per client);
 * a client whose queue is full is dropped as a slow consumer (close 1013 "slow consumer") and
 * never delays the pipeline or other clients. Per-client queues, not Tyrus' broadcast(), because
 * each client has its own filter, resume state and backpressure. The first few matching clients
 * whose queues are idle get their write from the pipeline thread itself (see
 * {@link Outbox#offerWritingFirst}): most installations have a handful of dashboards and bots, and
 * for them that removes a thread hand-off from every alert's path.
 */
public final class AlertHub implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertHub.class);
    /** Per alert, how many clients the publishing thread writes to itself (a few µs each); the rest go to the senders. */
    public static final int WRITES_ON_PUBLISHER = 4;
    static final CloseReason SLOW = new CloseReason(CloseCodes.TRY_AGAIN_LATER, "slow consumer");
    private final ConcurrentHashMap<String, ClientSession> sessions = new ConcurrentHashMap<>();
    private final LongAdder alertsSent = new LongAdder();
    private final LongAdder slowDropped = new LongAdder();
    private final LongAdder authFailures = new LongAdder();
    private final LongAdder connectionsRefused = new LongAdder();
    private volatile int maxConnections = Integer.MAX_VALUE;
    private final HubThreads threads = new HubThreads();
    private final SendCounts sendCounts = new SendCounts();
    private final Clock clock;
    private final AlertOptions options;
    private final ClientProtocol protocol;
    private final Replayer replayer;
    private final AlertEndpoint endpoint;
    private volatile OriginPolicy origins = OriginPolicy.parse(null);

    /** A snapshot of the counters ({@code stats} message and /health detail). */
    public record Stats(int connections, int authenticated, long alertsSent, long slowConsumersDropped, long authFailures,
                        long connectionsRefused) {
    }

    public AlertHub(AlertOptions options, AccessTokens tokens, ListPredictionsUseCase store, Clock clock) {
        this.clock = clock;
        this.options = options;
        this.replayer = new Replayer(store, clock, options.replayPageSize(), threads.replay(), this::dropSlow);
        this.protocol = new ClientProtocol(this, options, tokens, replayer, clock);
        this.endpoint = new AlertEndpoint(this, protocol, options);
    }

    /**
     * Where a resume finds the current outcome of each replayed alert, so that an outcome decided while
     * the client was away follows its alert as an {@code alert_update}; without it alerts are replayed alone.
     */
    public void replayOutcomesFrom(QueryPredictionsUseCase outcomes) {
        replayer.outcomesFrom(outcomes);
    }

    /** Which browser origins may connect (WS_ALLOWED_ORIGINS); set before {@link #endpointConfigs}. Default: same host. */
    public void allowOrigins(OriginPolicy policy) {
        this.origins = policy;
    }

    /**
     * At most this many open connections (WS_MAX_CONNECTIONS); further upgrades are answered 503 and
     * counted. Each connection costs about 16-23 KB of server memory (BENCHMARKS.md: 10,000 clients,
     * RSS 473-498 MB), so the cap is what keeps many clients inside the memory ceiling. Set before
     * {@link #endpointConfigs}. Checked at the upgrade, so concurrent upgrades may pass it by a few.
     */
    public void limitConnections(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("connection limit must be positive: " + max);
        }
        this.maxConnections = max;
    }

    /** One endpoint configuration per path, all authenticating the upgrade the same way. */
    public List<ServerEndpointConfig> endpointConfigs(String... paths) {
        UpgradeAuthenticator auth = new UpgradeAuthenticator(protocol.tokens(), endpoint, authFailures, origins,
                new UpgradeAuthenticator.ConnectionLimit(maxConnections, sessions::size, connectionsRefused));
        return Arrays.stream(paths)
                .map(p -> ServerEndpointConfig.Builder.create(AlertEndpoint.class, p).configurator(auth).build())
                .toList();
    }

    public void publishAlert(Prediction p) {
        fanOut(p, true, () -> AlertJson.alert(p, clock.instant()));
    }

    public void publishUpdate(PredictionUpdate u) {
        fanOut(u.prediction(), false, () -> UpdateJson.of(u, clock.instant()));
    }

    /**
     * Delivers one message about {@code p} to every client whose filter matches it; the JSON is made
     * once, when the first client matches. Never throws (the pipeline must not stop for a client).
     */
    private void fanOut(Prediction p, boolean alert, java.util.function.Supplier<String> json) {
        try {
            OutText message = null;
            int written = 0;
            for (ClientSession s : sessions.values()) {
                if (s.receivesAlerts() && s.filter().matches(p)) {
                    message = message != null ? message : new OutText(json.get());
                    deliver(s, p.alertId(), alert, message, written++ < WRITES_ON_PUBLISHER);
                }
            }
        } catch (RuntimeException e) {
            LOG.error("could not publish {} of alert {}", alert ? "the alert" : "an update", p.alertId(), e);
        }
    }

    private void deliver(ClientSession s, long alertId, boolean alert, OutText message, boolean writeFirst) {
        if (!s.deliver(alertId, alert, message, writeFirst)) {
            dropSlow(s);
        } else if (alert) {
            alertsSent.increment();
        }
    }

    void dropSlow(ClientSession s) {
        if (sessions.remove(s.id()) != null) {
            slowDropped.increment();
            LOG.warn("dropping slow consumer {} (client {})", s.id(),
                    s.principal() == null ? "-" : s.principal().clientId());
            s.close(SLOW);
        }
    }

    void register(ClientSession s) {
        sessions.put(s.id(), s);
    }

    void unregister(String id) {
        ClientSession s = sessions.remove(id);
        if (s != null) {
            s.timer(null);
        }
    }

    String serverVersion() {
        return options.serverVersion();
    }

    void countAuthFailure() {
        authFailures.increment();
    }

    HubThreads threads() {
        return threads;
    }

    /** How messages were sent: pre-encoded frames or Tyrus' sendText (tests, diagnostics). */
    public SendCounts sendCounts() {
        return sendCounts;
    }

    public Stats stats() {
        int authenticated = (int) sessions.values().stream().filter(s -> s.principal() != null).count();
        return new Stats(sessions.size(), authenticated, alertsSent.sum(), slowDropped.sum(), authFailures.sum(),
                connectionsRefused.sum());
    }

    /** Tells every client the server is going away (1001) and waits briefly for the closes. */
    public void closeAllClients() {
        CloseReason bye = new CloseReason(CloseCodes.GOING_AWAY, "server shutting down");
        sessions.values().forEach(s -> s.close(bye));
        long deadline = System.currentTimeMillis() + 1000;
        while (!sessions.isEmpty() && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        threads.close();
    }
}
