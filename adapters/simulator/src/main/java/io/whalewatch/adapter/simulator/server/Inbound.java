package io.whalewatch.adapter.simulator.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.whalewatch.adapter.simulator.wire.Frames;
import jakarta.websocket.CloseReason.CloseCodes;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Handles client messages like mempool's websocket handler: want (replace semantics, initial
 * replies for newly wanted items), track-mempool(-txids), ping, init, refresh-blocks; malformed
 * JSON or null closes, as do over-sized messages (1009) and too many messages.
 */
final class Inbound {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Supplier<Snapshot> snapshot;
    private final Faults faults;
    private final Limits limits;

    Inbound(Supplier<Snapshot> snapshot, Faults faults, Limits limits) {
        this.snapshot = snapshot;
        this.faults = faults;
        this.limits = limits;
    }

    void onText(ClientSession client, String text) {
        if (faults.stalled()) {
            return;
        }
        if (text.length() > limits.maxMessageBytes() / 4
                && text.getBytes(StandardCharsets.UTF_8).length > limits.maxMessageBytes()) {
            client.close(CloseCodes.TOO_BIG, "message too big");
            return;
        }
        if (client.overRate(System.currentTimeMillis())) {
            client.close(CloseCodes.NORMAL_CLOSURE, "too many messages");
            return;
        }
        JsonNode msg;
        try {
            msg = MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            msg = null;
        }
        if (msg == null || msg.isNull() || msg.isMissingNode()) {
            client.close(CloseCodes.NORMAL_CLOSURE, "malformed message");
            return;
        }
        if (msg.isObject()) {
            handle(client, msg);
        }
    }

    private void handle(ClientSession client, JsonNode msg) {
        Snapshot s = snapshot.get();
        Map<String, String> reply = new LinkedHashMap<>();
        String action = msg.path("action").asText("");
        if ("want".equals(action) && msg.path("data").isArray()) {
            want(client, msg.get("data"), s, reply);
        }
        if (msg.path("refresh-blocks").asBoolean(false)) {
            reply.put("blocks", s.blocks());
        }
        if ("init".equals(action)) {
            client.send(init(s));
        }
        if ("ping".equals(action)) {
            reply.put("pong", "true");
        }
        JsonNode track = msg.get("track-mempool");
        if (track != null && track.isBoolean()) {
            client.trackMempool = track.booleanValue();
        }
        JsonNode txids = msg.get("track-mempool-txids");
        if (txids != null && txids.isBoolean()) {
            client.trackMempoolTxids = txids.booleanValue();
        }
        if (!reply.isEmpty()) {
            client.send(Frames.join(reply));
        }
    }

    /** Replaces the want-set; only items switched on now get an initial reply. */
    private static void want(ClientSession client, JsonNode data, Snapshot s, Map<String, String> reply) {
        Set<String> wanted = new HashSet<>();
        data.forEach(n -> wanted.add(n.asText()));
        boolean blocks = wanted.contains("blocks");
        boolean mempoolBlocks = wanted.contains("mempool-blocks");
        boolean stats = wanted.contains("stats");
        if (blocks && !client.wantBlocks) {
            reply.put("blocks", s.blocks());
        }
        if (mempoolBlocks && !client.wantMempoolBlocks) {
            reply.put("mempool-blocks", s.mempoolBlocks());
        }
        if (stats && !client.wantStats) {
            reply.put("mempoolInfo", s.mempoolInfo());
            reply.put("vBytesPerSecond", s.vBytesPerSecond());
            reply.put("fees", s.fees());
            reply.put("da", s.da());
        }
        client.wantBlocks = blocks;
        client.wantMempoolBlocks = mempoolBlocks;
        client.wantStats = stats;
    }

    /** The init-data snapshot (not a mempool snapshot: only the last stripped transactions). */
    static String init(Snapshot s) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("backend", "\"" + s.backend() + "\"");
        m.put("mempoolInfo", s.mempoolInfo());
        m.put("vBytesPerSecond", s.vBytesPerSecond());
        m.put("blocks", s.blocks());
        m.put("conversions", s.conversions());
        m.put("mempool-blocks", s.mempoolBlocks());
        m.put("transactions", s.transactions());
        m.put("backendInfo", "{\"hostname\":\"whalewatch-simulator\",\"version\":\"3.2.0\",\"gitCommit\":\"5e1f0a1\","
                + "\"lightning\":false,\"backend\":\"" + s.backend() + "\"}");
        m.put("loadingIndicators", s.loadingIndicators());
        m.put("da", s.da());
        m.put("fees", s.fees());
        return Frames.join(m);
    }
}
