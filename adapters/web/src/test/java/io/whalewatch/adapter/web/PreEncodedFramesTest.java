package io.whalewatch.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.whalewatch.adapter.web.alert.SendCounts;
import io.whalewatch.adapter.web.support.RawWsClient;
import io.whalewatch.adapter.web.support.TestServer;
import io.whalewatch.adapter.web.support.WsClient;
import io.whalewatch.application.port.out.AccessTokens.Permission;
import io.whalewatch.testkit.Predictions;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fan-out's fast path: messages leave as frames encoded once and written straight to the
 * connection. These tests fail if the fast path silently stops being used (e.g. a Tyrus upgrade
 * that opens sessions on another thread) and check the frames themselves on the wire.
 */
class PreEncodedFramesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;
    TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer(dir, Map.of("WS_MAX_MESSAGE_BYTES", String.valueOf(1 << 20),
                "WS_SEND_QUEUE_MAX", "20000", "WS_MAX_MESSAGES_PER_SECOND", "100"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    SendCounts counts() {
        return ((WebSignalPublisher) server.publisher).hub().sendCounts();
    }

    @Test
    void libraryClientsGetEveryMessageAsAPreEncodedFrameAndNoneViaSendText() throws Exception {
        long before = counts().preEncoded();
        try (WsClient first = WsClient.connect(server.ws("/"));
             WsClient second = WsClient.connectWithBearer(server.ws("/ws"), server.token(Permission.READ))) {
            first.send(Map.of("type", "auth", "token", server.token(Permission.READ)));
            first.next("welcome");
            second.next("welcome");
            for (long id = 1; id <= 3; id++) {
                server.publisher.publish(Predictions.inflow(id, 100 + id));
            }
            for (WsClient c : List.of(first, second)) {
                for (long id = 1; id <= 3; id++) {
                    assertThat(c.next("whale_alert").get("data").get("alert_id").asLong()).isEqualTo(id);
                }
            }
        }
        assertThat(counts().preEncoded() - before).isEqualTo(8); // 2 welcomes + 2 x 3 alerts
        assertThat(counts().viaTyrus()).isZero();
    }

    @Test
    void thePublisherWritesToTheFirstFewIdleClientsItselfAndHandsTheRestToTheSenders() throws Exception {
        String token = server.token(Permission.READ);
        List<WsClient> clients = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                WsClient c = WsClient.connectWithBearer(server.ws("/"), token);
                c.next("welcome");
                clients.add(c);
            }
            // The sender clears a queue's "sending" mark just after the welcome's write completed, which
            // may be a moment after the client read it; only idle queues are written by the publisher.
            Thread.sleep(200);
            long byPublisher = counts().writesByPublisher();
            long messages = counts().preEncoded();
            server.publisher.publish(Predictions.inflow(1, 100));
            for (WsClient c : clients) {
                assertThat(c.next("whale_alert").get("data").get("alert_id").asLong()).isEqualTo(1);
            }
            assertThat(io.whalewatch.adapter.web.alert.AlertHub.WRITES_ON_PUBLISHER).as("some, not all six").isBetween(1, 5);
            assertThat(counts().writesByPublisher() - byPublisher).as("writes made by the publishing thread")
                    .isEqualTo(io.whalewatch.adapter.web.alert.AlertHub.WRITES_ON_PUBLISHER);
            assertThat(counts().preEncoded() - messages).isEqualTo(6);
        } finally {
            for (WsClient c : clients) {
                c.close();
            }
        }
    }

    @Test
    void aLibraryClientDecodesLargeMultibyteMessages() throws Exception {
        List<String> names = names(100, 50); // about 90 KB of JSON: a 64-bit length
        try (WsClient c = WsClient.connect(server.ws("/"))) {
            c.send(Map.of("type", "auth", "token", server.token(Permission.READ, Permission.WRITE)));
            c.next("welcome");
            c.send(Map.of("type", "subscribe", "filters", Map.of("exchanges", names)));
            JsonNode echo = c.next("subscribed");
            assertThat(echo.get("filters").get("exchanges")).extracting(JsonNode::asText)
                    .containsExactlyInAnyOrderElementsOf(names);
        }
        assertThat(counts().viaTyrus()).isZero();
    }

    @Test
    void framesOnTheWireAreWholeUnmaskedTextFramesWithMinimalLengthsAndStrictUtf8() throws Exception {
        Set<Integer> forms = new HashSet<>();
        String token = server.token(Permission.READ, Permission.WRITE);
        try (RawWsClient raw = new RawWsClient(server.wsPort, "/?access_token=" + token, 0)) {
            assertThat(text(raw.readFrame(), forms).get("type").asText()).isEqualTo("welcome");
            raw.sendText("{}");
            assertThat(text(raw.readFrame(), forms).get("type").asText()).isEqualTo("error");
            for (int[] shape : new int[][] {{1, 1}, {40, 1}, {100, 50}}) {
                List<String> names = names(shape[0], shape[1]);
                raw.sendText(JSON.writeValueAsString(Map.of("type", "subscribe", "filters", Map.of("exchanges", names))));
                JsonNode echo = text(raw.readFrame(), forms);
                assertThat(echo.get("type").asText()).isEqualTo("subscribed");
                assertThat(echo.get("filters").get("exchanges")).extracting(JsonNode::asText)
                        .containsExactlyInAnyOrderElementsOf(names);
            }
        }
        assertThat(forms).contains(126, 127).anyMatch(f -> f < 126);
    }

    @Test
    void messagesQueuedWhileTheClientDoesNotReadGoOutTogetherAsSeparateFramesInOrder() throws Exception {
        // Enough that most of the burst cannot fit the loopback socket buffers: while they have room,
        // the publisher writes each alert itself at once (AlertHub.WRITES_ON_PUBLISHER), one write per
        // alert; here that was about 4,800 of 8,000 alerts, so 16,000 leave most of them for the queue.
        int alerts = 16000;
        try (RawWsClient raw = new RawWsClient(server.wsPort, "/?access_token=" + server.token(Permission.READ), 4096)) {
            text(raw.readFrame(), new HashSet<>());
            long messages = counts().preEncoded();
            long writes = counts().writes();
            for (long id = 1; id <= alerts; id++) {
                server.publisher.publish(Predictions.inflow(id, 100));
            }
            for (long id = 1; id <= alerts; id++) {
                JsonNode alert = text(raw.readFrame(), new HashSet<>());
                assertThat(alert.get("data").get("alert_id").asLong()).isEqualTo(id);
            }
            assertThat(counts().preEncoded() - messages).isEqualTo(alerts);
            // Once the socket buffers were full, writes stopped completing at once and the queue
            // was written several frames at a time.
            assertThat(counts().writes() - writes).isLessThan(alerts / 2);
        }
    }

    /** Checks one frame as RFC 6455 requires of a server text message and parses its JSON. */
    private static JsonNode text(RawWsClient.Frame f, Set<Integer> forms) throws Exception {
        assertThat(f.first()).as("FIN, no RSV bits, opcode text; not %s",
                f.opcode() == 8 ? "close " + f.closeCode() + " " + f.text().substring(2) : "").isEqualTo(0x81);
        assertThat(f.masked()).as("a server must not mask").isFalse();
        int len = f.payload().length;
        assertThat(f.lengthForm()).as("minimal length encoding of %d bytes", len)
                .isEqualTo(len < 126 ? len : len <= 0xFFFF ? 126 : 127);
        forms.add(f.lengthForm());
        String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(f.payload())).toString();
        return JSON.readTree(text);
    }

    /** {@code n} exchange names (at most 100 are allowed) with two- and four-byte UTF-8 characters. */
    private static List<String> names(int n, int repeat) {
        return IntStream.range(0, n).mapToObj(i -> "börse-\uD83D\uDC33-" + i + "-" + "abcdefghijklmnopä".repeat(repeat))
                .toList();
    }
}
