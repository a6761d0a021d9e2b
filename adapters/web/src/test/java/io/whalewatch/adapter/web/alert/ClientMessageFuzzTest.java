package io.whalewatch.adapter.web.alert;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import io.whalewatch.adapter.web.support.FakeStore;
import io.whalewatch.application.port.out.AccessTokens;
import io.whalewatch.testkit.Predictions;
import jakarta.websocket.CloseReason.CloseCodes;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes what a client may send on the alert WebSocket, through the real {@link ClientProtocol}
 * (authentication, rate limit, size limit, commands, filters, resume) with a networkless socket.
 * The input is one connection: its lines are the client's text messages, in order (at most 12).
 *
 * <p>Property: no exception escapes {@link ClientProtocol#onText}; every message the client receives
 * is a JSON object of a known type (errors carry a message); every message handled while the
 * connection is open gets an answer or a close, and closes use the protocol's codes only.
 *
 * <p>Tokens are fake ({@link #TOKENS}): {@code r}, {@code rw}, {@code rwa}... grant those
 * permissions for an hour, {@code short} for two seconds of the test clock, anything else is
 * refused. The test clock advances 100 ms on every reading, so expiry and the rate limit are
 * reachable. Seeds: {@code src/test/resources/io/whalewatch/adapter/web/alert/ClientMessageFuzzTestInputs/}.
 */
class ClientMessageFuzzTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final int MAX_MESSAGES = 12;
    private static final Set<String> SERVER_TYPES = Set.of("welcome", "pong", "subscribed", "stats", "error",
            "whale_alert");
    private static final Set<Integer> CLOSE_CODES = Set.of(CloseCodes.VIOLATED_POLICY.getCode(),
            CloseCodes.TOO_BIG.getCode(), CloseCodes.TRY_AGAIN_LATER.getCode());
    private static final AlertOptions OPTIONS = new AlertOptions(Duration.ofMinutes(10), 8, 64, 512, 2, "fuzz");
    private final FakeStore store = new FakeStore();

    ClientMessageFuzzTest() {
        store.add(Predictions.inflow(1, 150));
        store.add(Predictions.unknownConsolidation(2, 900));
        store.add(Predictions.inflow(3, 5000));
    }

    // Per input (libFuzzer -timeout when fuzzing). Generous: the first input of a run also pays for
    // loading and instrumenting the classes, which took 7 s on a busy 2-core machine.
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    @DictionaryEntries({"{\"type\":", "\"auth\"", "\"token\":", "\"rwa\"", "\"short\"", "\"ping\"",
        "\"subscribe\"", "\"stats\"", "\"filters\":", "\"flow_types\":", "\"min_btc\":", "\"min_urgency\":",
        "\"exchanges\":", "\"exclude_flags\":", "\"resume_from\":", "\"inflow\"", "\"outflow\"",
        "\"unknown\"", "\"binance\"", "1e400", "-0", "9223372036854775808", "null", "[]", "{}"})
    @FuzzTest(maxDuration = "10s")
    void clientMessages(byte[] input) {
        Clock clock = new TickingClock();
        try (AlertHub hub = new AlertHub(OPTIONS, TOKENS, store, clock)) {
            ClientProtocol protocol = new ClientProtocol(hub, OPTIONS, TOKENS,
                    new Replayer(store, clock, OPTIONS.replayPageSize(), Runnable::run, hub::dropSlow), clock);
            FuzzSocket socket = new FuzzSocket("fuzz");
            ClientSession session = new ClientSession(socket.session, new Outbox(socket.session, null, Runnable::run,
                    OPTIONS.sendQueueMax(), hub.sendCounts()), new RateWindow(OPTIONS.maxMessagesPerSecond()), OPTIONS.sendQueueMax());
            protocol.opened(session, null, null);
            String[] messages = new String(input, StandardCharsets.UTF_8).split("\n", MAX_MESSAGES);
            for (String message : messages) {
                boolean open = socket.closed == null;
                int before = socket.outbound();
                protocol.onText(session, message);
                check(!open || socket.outbound() > before, "no answer and no close for: " + message);
            }
            socket.sent.forEach(ClientMessageFuzzTest::checkServerMessage);
            check(socket.closed == null || CLOSE_CODES.contains(socket.closed.getCloseCode().getCode()),
                    "unexpected close " + socket.closed);
        }
    }

    private static void checkServerMessage(String text) {
        JsonNode msg;
        try {
            msg = AlertJson.MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError("server sent invalid JSON: " + text, e);
        }
        check(msg.isObject() && SERVER_TYPES.contains(msg.path("type").asText()), "unexpected message " + text);
        check(!msg.path("type").asText().equals("error") || !msg.path("message").asText().isEmpty(),
                "error without a message: " + text);
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }

    /** Fake token verification, so that the fuzzer can authenticate (it cannot forge a JWT). */
    private static final AccessTokens TOKENS = new AccessTokens() {
        @Override
        public String issue(String clientId, Set<Permission> permissions, Duration validity) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ClientPrincipal verify(String token) {
            if (token.equals("short")) {
                return new ClientPrincipal("fuzz", EnumSet.allOf(Permission.class), START.plusSeconds(2));
            }
            if (!token.matches("r?w?a?")) {
                throw new InvalidTokenException("invalid token");
            }
            Set<Permission> granted = EnumSet.noneOf(Permission.class);
            token.chars().forEach(c -> granted.add(c == 'r' ? Permission.READ : c == 'w' ? Permission.WRITE
                    : Permission.ADMIN));
            return new ClientPrincipal("fuzz", granted, START.plusSeconds(3600));
        }
    };

    /** A clock that advances 100 ms on every reading: deterministic, and time passes within one input. */
    private static final class TickingClock extends Clock {
        private long millis = START.toEpochMilli();

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long millis() {
            millis += 100;
            return millis;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }
    }
}
