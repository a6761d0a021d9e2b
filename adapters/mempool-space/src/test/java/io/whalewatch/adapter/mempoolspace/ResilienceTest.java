package io.whalewatch.adapter.mempoolspace;

import static io.whalewatch.adapter.mempoolspace.Sources.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.whalewatch.application.port.out.MempoolListener.ResyncReason;
import io.whalewatch.application.port.out.MempoolSource;
import io.whalewatch.domain.chain.MempoolDelta;
import io.whalewatch.domain.chain.Satoshis;
import jakarta.websocket.Session;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bad input, sequence tracking, reconnects and keepalive, over real loopback WebSockets. */
class ResilienceTest {
    private static final Satoshis WHALE = Satoshis.ofBtc(100);
    private final RecordingListener listener = new RecordingListener();
    private ScriptedUpstream upstream;
    private MempoolSource source;

    @AfterEach
    void tearDown() {
        if (source != null) {
            source.close();
        }
        if (upstream != null) {
            upstream.close();
        }
    }

    private Session connect(String... settings) throws Exception {
        upstream = ScriptedUpstream.start();
        source = Sources.create(upstream.wsUrl(), settings);
        source.start(listener, WHALE);
        Session s = upstream.awaitSession(WAIT);
        assertThat(upstream.awaitMessage(WAIT)).isEqualTo(UpstreamEndpoint.WANT);
        return s;
    }

    private static String whale(long n) {
        return TxJson.tx(TxJson.txid(n)).input("bc1qin", 20_000_000_000L).output("bc1qout", 15_000_000_000L).json();
    }

    @Test
    void badFramesAreCountedAndSkippedWhileTheStreamGoesOn() throws Exception {
        Session s = connect();
        ScriptedUpstream.send(s, "{\"mempool-transactions\": {\"sequence\": 1, \"added\": [");   // truncated
        ScriptedUpstream.send(s, "this is not json");
        ScriptedUpstream.send(s, "{\"mempool-transactions\": {\"sequence\": 2, \"added\": 42}}"); // wrong shape
        String absurd = TxJson.tx(TxJson.txid(66)).input("a", 1).output("b", 2_100_000_000_000_001L).json();
        ScriptedUpstream.send(s, TxJson.addedFrame(3, absurd, whale(3)));
        ScriptedUpstream.send(s, TxJson.addedFrame(4, whale(4)));

        MempoolDelta last = listener.awaitDelta(4, WAIT);
        assertThat(last.added()).hasSize(1);
        MempoolDelta partial = listener.awaitDelta(3, WAIT);
        assertThat(partial.added()).extracting(t -> t.txid().value()).containsExactly(TxJson.txid(3));
        assertThat(listener.all(MempoolDelta.class)).extracting(MempoolDelta::sequence).containsExactly(3L, 4L);
        assertThat(source.status().framesReceived()).isEqualTo(5);
        assertThat(source.status().framesRejected()).isEqualTo(4);
        assertThat(source.status().reconnects()).isZero();
        assertThat(source.status().connected()).isTrue();
        assertThat(upstream.sessions).as("no new connection was needed").isEmpty();
    }

    @Test
    void sequenceGapsAndUpstreamRestartsAreCountedAndSignalled() throws Exception {
        Session s = connect();
        for (long seq : new long[] {10, 11, 11, 14, 15, 2}) {
            ScriptedUpstream.send(s, TxJson.addedFrame(seq));
        }
        listener.await(MempoolDelta.class, d -> d.sequence() == 2, WAIT);

        List<Object> events = listener.events();
        assertThat(events).containsExactly(delta(events, 0), delta(events, 1), delta(events, 2),
                ResyncReason.SEQUENCE_GAP, delta(events, 4), delta(events, 5), ResyncReason.UPSTREAM_RESTART,
                delta(events, 7));
        assertThat(listener.all(MempoolDelta.class)).extracting(MempoolDelta::sequence)
                .containsExactly(10L, 11L, 11L, 14L, 15L, 2L);
        assertThat(source.status().gapsDetected()).isEqualTo(2);
    }

    private static Object delta(List<Object> events, int i) {
        assertThat(events.get(i)).isInstanceOf(MempoolDelta.class);
        return events.get(i);
    }

    @Test
    void reconnectsAndResubscribesWhenTheUpstreamGoesAway() throws Exception {
        Session s = connect();
        ScriptedUpstream.send(s, TxJson.addedFrame(500, whale(1)));
        listener.awaitDelta(500, WAIT);
        int port = upstream.port();
        upstream.close();
        awaitDisconnected();

        upstream = ScriptedUpstream.start(port);
        Session again = upstream.awaitSession(WAIT);
        assertThat(upstream.awaitMessage(WAIT)).isEqualTo(UpstreamEndpoint.WANT);
        ScriptedUpstream.send(again, TxJson.addedFrame(0, whale(2)));   // a restarted backend counts from 0

        listener.awaitDelta(0, WAIT);
        assertThat(listener.events()).filteredOn(ResyncReason.class::isInstance)
                .containsExactly(ResyncReason.RECONNECT);
        assertThat(source.status().reconnects()).isEqualTo(1);
        assertThat(source.status().connected()).isTrue();
        assertThat(source.status().gapsDetected()).as("the tracker restarts with the connection").isZero();
    }

    private void awaitDisconnected() throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (source.status().connected()) {
            assertThat(System.nanoTime()).as("still connected").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    @Test
    void aSilentUpstreamIsPingedThenReplaced() throws Exception {
        connect("MEMPOOL_PING_AFTER_SECONDS", "0.3", "MEMPOOL_PONG_TIMEOUT_SECONDS", "0.3");
        upstream.answerPings = false;

        assertThat(upstream.awaitMessage(WAIT)).isEqualTo(KeepaliveWatchdog.PING);
        upstream.awaitSession(WAIT);
        assertThat(upstream.awaitMessage(WAIT)).as("resubscribed").isEqualTo(UpstreamEndpoint.WANT);
        listener.await(ResyncReason.class, r -> r == ResyncReason.RECONNECT, WAIT);
        assertThat(source.status().reconnects()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void anUpstreamThatAnswersPingsIsKept() throws Exception {
        connect("MEMPOOL_PING_AFTER_SECONDS", "0.2", "MEMPOOL_PONG_TIMEOUT_SECONDS", "2");

        assertThat(upstream.awaitMessage(WAIT)).isEqualTo(KeepaliveWatchdog.PING);
        assertThat(upstream.awaitMessage(WAIT)).isEqualTo(KeepaliveWatchdog.PING);
        Thread.sleep(500);
        assertThat(upstream.sessions).isEmpty();
        assertThat(source.status().reconnects()).isZero();
        assertThat(source.status().framesReceived()).as("pongs").isGreaterThanOrEqualTo(2);
    }
}
