package io.whalewatch.adapter.mempoolspace;

import static io.whalewatch.adapter.mempoolspace.Sources.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.whalewatch.adapter.mempoolspace.tyrus.TextAsBinaryClientContainer;
import io.whalewatch.application.port.out.MempoolListener.ResyncReason;
import io.whalewatch.application.port.out.MempoolSource;
import io.whalewatch.domain.chain.MempoolDelta;
import io.whalewatch.domain.chain.MempoolTransaction;
import io.whalewatch.domain.chain.Satoshis;
import jakarta.websocket.Session;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Frames of tens of MB, as a backend resync sends them: accepted up to the configured size. */
class LargeFrameTest {
    private static final Duration LONG_WAIT = Duration.ofSeconds(90);
    private static final int MIB = 1024 * 1024;
    private final RecordingListener listener = new RecordingListener();
    private ScriptedUpstream upstream;
    private MempoolSource source;

    @AfterEach
    void tearDown() {
        source.close();
        upstream.close();
    }

    private Session connect(String... settings) throws Exception {
        upstream = ScriptedUpstream.start();
        source = Sources.create(upstream.wsUrl(), settings);
        source.start(listener, Satoshis.ofBtc(100));
        Session s = upstream.awaitSession(WAIT);
        s.setMaxTextMessageBufferSize(Integer.MAX_VALUE);
        return s;
    }

    @Test
    void processesAFiftyThousandTransactionFrame() throws Exception {
        Session s = connect();
        StringBuilder frame = new StringBuilder(60 * MIB).append("{\"mempool-transactions\": {\"sequence\":7,\"added\":[");
        for (int i = 0; i < 50_000; i++) {
            long sats = i % 10_000 == 1 ? 12_345_000_000L : 40_000L + i;
            frame.append(i == 0 ? "" : ",").append(TxJson.tx(TxJson.txid(i)).input("bc1qin" + i, sats + 500)
                    .output("bc1qout" + i, sats).json());
        }
        String text = frame.append("],\"removed\":[],\"mined\":[],\"replaced\":[]}}").toString();
        frame.setLength(0);
        long pastTyrus = TextAsBinaryClientContainer.wholeTextFramesDelivered();
        long started = System.nanoTime();
        ScriptedUpstream.send(s, text);

        MempoolDelta delta = listener.awaitDelta(7, LONG_WAIT);
        System.out.printf("50,000-tx frame: %.1f MB, sent and parsed in %d ms%n", text.length() / 1e6,
                (System.nanoTime() - started) / 1_000_000);
        assertThat(text.length()).isGreaterThan(20 * MIB);
        assertThat(delta.addedCount()).isEqualTo(50_000);
        assertThat(delta.added()).extracting(MempoolTransaction::totalOutput).hasSize(5)
                .containsOnly(Satoshis.of(12_345_000_000L));
        assertThat(source.status().transactionsSeen()).isEqualTo(50_000);
        assertThat(source.status().framesRejected()).isZero();
        assertThat(TextAsBinaryClientContainer.wholeTextFramesDelivered()).as("the frame was handed over past Tyrus")
                .isGreaterThan(pastTyrus);
    }

    @Test
    void acceptsA64MiBFrameWithTheDefaultLimit() throws Exception {
        Session s = connect();
        String whale = TxJson.tx(TxJson.txid(64)).input("a", 20_000_000_000L).output("b", 19_000_000_000L).json();
        String head = "{\"loadingIndicators\": {\"padding\": \"";
        String tail = "\"}, \"mempool-transactions\": " + TxJson.delta(64, java.util.List.of(whale),
                java.util.List.of(), java.util.List.of(), java.util.List.of()) + "}";
        String text = head + "x".repeat(64 * MIB - head.length() - tail.length()) + tail;
        assertThat(text.getBytes(StandardCharsets.UTF_8)).hasSize(64 * MIB);
        ScriptedUpstream.send(s, text);
        text = null;

        assertThat(listener.awaitDelta(64, LONG_WAIT).added()).hasSize(1);
        ScriptedUpstream.send(s, TxJson.addedFrame(65));
        listener.awaitDelta(65, WAIT);
        assertThat(source.status().reconnects()).isZero();
    }

    @Test
    void aFrameAboveTheConfiguredLimitCostsTheConnectionNotTheSource() throws Exception {
        Session s = connect("MEMPOOL_MAX_FRAME_MB", "1");
        ScriptedUpstream.send(s, "{\"padding\": \"" + "x".repeat(2 * MIB) + "\"}");

        Session again = upstream.awaitSession(WAIT);
        ScriptedUpstream.send(again, TxJson.addedFrame(1));
        listener.awaitDelta(1, WAIT);
        assertThat(listener.all(ResyncReason.class)).containsExactly(ResyncReason.RECONNECT);
    }
}
