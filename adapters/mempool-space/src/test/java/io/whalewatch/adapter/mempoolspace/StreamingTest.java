package io.whalewatch.adapter.mempoolspace;

import static io.whalewatch.adapter.mempoolspace.Sources.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.whalewatch.application.port.out.MempoolSource;
import io.whalewatch.domain.chain.Block;
import io.whalewatch.domain.chain.MempoolDelta;
import io.whalewatch.domain.chain.MempoolTransaction;
import io.whalewatch.domain.chain.Replacement;
import io.whalewatch.domain.chain.Satoshis;
import io.whalewatch.domain.chain.TxId;
import io.whalewatch.domain.fee.RecommendedFees;
import jakarta.websocket.Session;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The happy path over a real loopback WebSocket: subscription, dispatch order, candidates. */
class StreamingTest {
    private static final Satoshis WHALE = Satoshis.ofBtc(100);
    private ScriptedUpstream upstream;
    private MempoolSource source;
    private final RecordingListener listener = new RecordingListener();

    @BeforeEach
    void setUp() throws Exception {
        upstream = ScriptedUpstream.start();
        source = Sources.create(upstream.wsUrl());
    }

    @AfterEach
    void tearDown() {
        source.close();
        upstream.close();
    }

    @Test
    void subscribesWithTheExactWantMessageAndReportsTheConnection() throws Exception {
        source.start(listener, WHALE);
        upstream.awaitSession(WAIT);

        assertThat(upstream.awaitMessage(WAIT))
                .isEqualTo("{\"action\":\"want\",\"data\":[\"blocks\",\"stats\",\"mempool-blocks\"],\"track-mempool\":true}");
        assertThat(source.status().connected()).isTrue();
        assertThat(source.status().upstream()).isEqualTo(upstream.wsUrl().toString());
    }

    @Test
    void deliversTipAndMarketBeforeTheDeltaAndMaterialisesOnlyWhales() throws Exception {
        source.start(listener, WHALE);
        Session s = upstream.awaitSession(WAIT);
        String whale = TxJson.tx(TxJson.txid(1)).input("bc1qsender", 150_000_100_000L)
                .output("bc1qreceiver", 150_000_000_000L).outputWithoutAddress(0).field("fee", "100000")
                .field("vsize", "226").field("effectiveFeePerVsize", "12.5").field("firstSeen", "1743541726").json();
        String small = TxJson.tx(TxJson.txid(2)).input("bc1qa", 60_000_000L).output("bc1qb", 50_000_000L).json();
        String whaleWithPrevouts = TxJson.tx(TxJson.txid(3)).input("bc1qx", 20_000_000_000L)
                .output("", 10_000_000_000L).output("bc1qy", 9_999_000_000L).json();
        String frame = "{\"mempoolInfo\": {\"loaded\":true,\"size\":3}, \"fees\": {\"fastestFee\":2.023,\"halfHourFee\":1.094,"
                + "\"hourFee\":0.502,\"economyFee\":0.2,\"minimumFee\":0.1}, \"mempool-blocks\": [{\"blockSize\":1801614,"
                + "\"blockVSize\":997936.5,\"nTx\":3391,\"totalFees\":8170664,\"medianFee\":6.01,\"feeRange\":[4.5,5,6,200]}], "
                + "\"conversions\": {\"time\":1703252411,\"USD\":43753,\"EUR\":40545}, \"loadingIndicators\": {\"mempool\":99}, "
                + "\"mempool-transactions\": " + TxJson.delta(81419, List.of(whale, small, whaleWithPrevouts),
                        List.of(TxJson.txid(9)), List.of(TxJson.txid(8)),
                        List.of(TxJson.replacement(TxJson.txid(7), small)))
                + ", \"block\": " + TxJson.block(890448, TxJson.txid(0xb10c), 1743541850) + "}";
        ScriptedUpstream.send(s, frame);

        MempoolDelta delta = listener.awaitDelta(81419, WAIT);
        List<Object> events = listener.events();
        assertThat(events).hasSize(5);
        assertThat(events.get(0)).isEqualTo(new Block(890448, TxJson.txid(0xb10c), Instant.ofEpochSecond(1743541850)));
        assertThat(events.get(1)).isEqualTo(new RecommendedFees(2.023, 1.094, 0.502, 0.2, 0.1));
        assertThat(events.get(2)).isInstanceOf(RecordingListener.Projected.class);
        assertThat(events.get(3)).isEqualTo(new RecordingListener.Price(43753));
        assertThat(events.get(4)).isSameAs(delta);
        assertThat(delta.addedCount()).isEqualTo(3);
        assertThat(delta.added()).extracting(MempoolTransaction::txid).containsExactly(TxId.of(TxJson.txid(1)), TxId.of(TxJson.txid(3)));
        assertThat(delta.removed()).containsExactly(TxId.of(TxJson.txid(9)));
        assertThat(delta.mined()).containsExactly(TxId.of(TxJson.txid(8)));
        assertThat(delta.replaced()).containsExactly(new Replacement(TxId.of(TxJson.txid(7)), TxId.of(TxJson.txid(2))));
        assertThat(source.status().transactionsSeen()).isEqualTo(3);
        assertThat(source.status().framesReceived()).isEqualTo(1);
        assertThat(source.status().lastFrameAt()).isPresent();
        assertThat(listener.calledConcurrently).isFalse();
    }

    @Test
    void closeIsIdempotentAndStopsEveryThread() throws Exception {
        source.start(listener, WHALE);
        Session s = upstream.awaitSession(WAIT);
        ScriptedUpstream.send(s, TxJson.addedFrame(1));
        listener.awaitDelta(1, WAIT);
        assertThat(threadsOfTheSource()).isNotEmpty();

        source.close();
        source.close();

        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!threadsOfTheSource().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(threadsOfTheSource()).isEmpty();
        assertThat(source.status().connected()).isFalse();
    }

    private static List<String> threadsOfTheSource() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("mempool-space-")).toList();
    }

    @Test
    void mapsEveryFieldOfACandidate() throws Exception {
        source.start(listener, WHALE);
        Session s = upstream.awaitSession(WAIT);
        String whale = TxJson.tx(TxJson.txid(0xabc)).input("bc1qsender", 30_000_000_000L).input("", 20_000_001_000L)
                .output("bc1qreceiver", 49_000_000_000L).outputWithoutAddress(1_000_000_000L).field("fee", "1000")
                .field("vsize", "250.25").field("effectiveFeePerVsize", "3.996").field("firstSeen", "1743541726")
                .field("position", "{\"block\":2,\"vsize\":932479.5}").json();
        ScriptedUpstream.send(s, TxJson.addedFrame(5, whale));

        MempoolTransaction tx = listener.awaitDelta(5, WAIT).added().get(0);
        assertThat(tx.txid()).isEqualTo(TxId.of(TxJson.txid(0xabc)));
        assertThat(tx.inputs()).hasSize(2);
        assertThat(tx.inputs().get(0).address()).contains("bc1qsender");
        assertThat(tx.inputs().get(0).prevout().orElseThrow().value()).isEqualTo(Satoshis.of(30_000_000_000L));
        assertThat(tx.inputs().get(0).sequence()).isEqualTo(4294967293L);
        assertThat(tx.inputs().get(1).address()).isEmpty();
        assertThat(tx.outputs().get(0).address()).contains("bc1qreceiver");
        assertThat(tx.outputs().get(1).address()).isEqualTo(Optional.empty());
        assertThat(tx.totalOutput()).isEqualTo(Satoshis.ofBtc(500));
        assertThat(tx.fee()).isEqualTo(Satoshis.of(1000));
        assertThat(tx.vsize()).isEqualTo(250.25);
        assertThat(tx.feeRate().satPerVbyte()).isEqualTo(3.996);
        assertThat(tx.projectedBlock()).isEqualTo(OptionalInt.of(2));
        assertThat(tx.firstSeen()).isEqualTo(Instant.ofEpochSecond(1743541726));
    }
}
