package io.whalewatch.adapter.simulator.server;

import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.Session;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The connected clients; fans frames out, each client getting the keys it subscribed to. */
public final class Hub {
    private final Map<String, ClientSession> clients = new ConcurrentHashMap<>();
    private final Faults faults;
    private final Limits limits;
    private final ReplayCounts replayCounts = new ReplayCounts();
    private volatile java.util.function.Consumer<String> rawListener = text -> { };

    public Hub(Faults faults, Limits limits) {
        this.faults = faults;
        this.limits = limits;
    }

    /** {@code raw}: the connection's Writer (see {@link io.whalewatch.support.tyrus.ConnectionWriters}), or null. */
    ClientSession open(Session session, org.glassfish.tyrus.spi.Writer raw) {
        ClientSession c = new ClientSession(session, limits, raw, replayCounts);
        clients.put(session.getId(), c);
        return c;
    }

    void closed(Session session) {
        clients.remove(session.getId());
    }

    /**
     * Sends each client its view of {@code pieces} (ordered message type -> JSON value).
     * {@code canonical} is the already joined frame of {@code canonicalKeys}; clients subscribed to
     * exactly those keys get that string, so multi-MB frames are not rebuilt per client.
     * Returns how many clients were handed a frame carrying {@code mempool-transactions} (for the
     * ground truth: a whale is visible to a stream client only when its frame reached it).
     */
    public int broadcast(Map<String, String> pieces, java.util.Set<String> canonicalKeys, String canonical) {
        if (faults.stalled()) {
            return 0;
        }
        int trackers = 0;
        for (ClientSession c : clients.values()) {
            String frame = c.frameFor(pieces, canonicalKeys, canonical);
            if (frame != null && c.send(frame) && c.accepts("mempool-transactions")
                    && pieces.containsKey("mempool-transactions")) {
                trackers++;
            }
        }
        return trackers;
    }

    /** Called with every injected raw frame (the recorder). */
    public void onRaw(java.util.function.Consumer<String> listener) {
        this.rawListener = listener;
    }

    /** Sends the exact text to every client (fault injection). Returns how many got it. */
    public int sendRaw(String text) {
        rawListener.accept(text);
        int n = 0;
        for (ClientSession c : clients.values()) {
            c.send(text);
            n++;
        }
        return n;
    }

    /**
     * Replay mode: sends a recorded frame as is to every client that tracks the mempool (the
     * recording is what such a client receives), as the file's bytes where possible (see
     * {@link ReplayFrame}). Returns how many clients got it.
     */
    public int replay(ReplayFrame frame) {
        int n = 0;
        for (ClientSession c : clients.values()) {
            if (c.trackMempool) {
                c.send(frame);
                n++;
            }
        }
        return n;
    }

    /** How replayed frames were sent so far. */
    public ReplayCounts replayCounts() {
        return replayCounts;
    }

    /** How many clients track the mempool (replay starts when enough are subscribed). */
    public int trackingClients() {
        return (int) clients.values().stream().filter(c -> c.trackMempool).count();
    }

    /** The largest not-yet-written outbound backlog of a mempool-tracking client (chars of
     * text frames, bytes of replayed frames). */
    public long maxTrackingBacklog() {
        long max = 0;
        for (ClientSession c : clients.values()) {
            if (c.trackMempool) {
                max = Math.max(max, c.backlog());
            }
        }
        return max;
    }

    public int size() {
        return clients.size();
    }

    /** Politely closes every session (1001 going away) on shutdown. */
    public void closeAll() {
        clients.values().forEach(c -> c.close(CloseCodes.GOING_AWAY, "simulator stopping"));
        clients.clear();
    }
}
