package io.whalewatch.adapter.mempoolspace;

import static io.whalewatch.adapter.mempoolspace.Sources.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.whalewatch.adapter.mempoolspace.ScriptedUpstream.Reply;
import io.whalewatch.application.port.out.MempoolSource;
import io.whalewatch.application.port.out.SourceUnavailableException;
import io.whalewatch.application.port.out.TransactionStatus;
import io.whalewatch.domain.chain.MempoolDelta;
import io.whalewatch.domain.chain.MempoolTransaction;
import io.whalewatch.domain.chain.Satoshis;
import io.whalewatch.domain.chain.TxId;
import io.whalewatch.application.port.out.MempoolListener.ResyncReason;
import jakarta.websocket.Session;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** lookUp's mapping and the REST enrichment of prevout-less candidates, against the scripted upstream. */
class RestTest {
    private static final String TX = TxJson.txid(0x7e57);
    private static final String CONFIRMED =
            "{\"confirmed\":true,\"block_height\":890448,\"block_hash\":\"" + TxJson.txid(1) + "\",\"block_time\":1743541850}";
    private ScriptedUpstream upstream;
    private MempoolSource source;

    @BeforeEach
    void setUp() throws Exception {
        upstream = ScriptedUpstream.start();
        source = Sources.create(upstream.wsUrl(), "MEMPOOL_HTTP_RETRIES", "2");
    }

    @AfterEach
    void tearDown() {
        source.close();
        upstream.close();
    }

    private static String esplora(String status) {
        return TxJson.tx(TX).input("bc1qfrom", 20_000_000_000L).output("bc1qto", 19_999_000_000L).esploraJson(status);
    }

    @Test
    void mapsNotFoundMinedAndInMempool() {
        assertThat(source.lookUp(TxId.of(TX))).isEqualTo(new TransactionStatus.NotFound());
        upstream.reply(TX, Reply.json(esplora(CONFIRMED)));
        assertThat(source.lookUp(TxId.of(TX)))
                .isEqualTo(new TransactionStatus.Mined(890448, Instant.ofEpochSecond(1743541850)));
        upstream.reply(TX, Reply.json(esplora("{\"confirmed\":false}")));
        assertThat(source.lookUp(TxId.of(TX))).isEqualTo(new TransactionStatus.InMempool());
        assertThat(upstream.requests).allMatch(r -> r.equals("/api/tx/" + TX));
    }

    @Test
    void aGoneTransactionWithAReplacementHistoryIsReplacedByTheNewestOfTheChain() {
        String newest = "b".repeat(64);
        upstream.rbf(TX, "{\"replacements\":{\"tx\":{\"txid\":\"" + newest + "\",\"fee\":960,\"vsize\":224,"
                + "\"value\":49040,\"rate\":4.28,\"time\":1743541726,\"rbf\":true},\"time\":1743541726,\"fullRbf\":false,"
                + "\"replaces\":[{\"tx\":{\"txid\":\"" + TX + "\"},\"time\":1743541407,\"replaces\":[]}]},"
                + "\"replaces\":null}");
        assertThat(source.lookUp(TxId.of(TX))).isEqualTo(new TransactionStatus.Replaced(TxId.of(newest)));
    }

    @Test
    void aGoneTransactionWithoutReplacementHistoryIsNotFound() {
        upstream.rbf(TX, "{\"replacements\":null,\"replaces\":null}");
        assertThat(source.lookUp(TxId.of(TX))).isEqualTo(new TransactionStatus.NotFound());
    }

    @Test
    void honoursRetryAfterOn429AndThenSucceeds() {
        upstream.reply(TX, new Reply(429, "<html>429 Too Many Requests</html>", Map.of("Retry-After", "0")),
                Reply.json(esplora("{\"confirmed\":false}")));
        assertThat(source.lookUp(TxId.of(TX))).isEqualTo(new TransactionStatus.InMempool());
        assertThat(upstream.requests).hasSize(2);
    }

    @Test
    void backsOffOn429WithoutRetryAfterAndGivesUpAfterTheRetries() {
        upstream.reply(TX, new Reply(429, "<html>429</html>", Map.of()));
        assertThatThrownBy(() -> source.lookUp(TxId.of(TX)))
                .isInstanceOf(SourceUnavailableException.class).hasMessageContaining("429");
        assertThat(upstream.requests).hasSize(3);
    }

    @Test
    void serverErrorsAndDeadUpstreamsAreUnavailable() throws Exception {
        upstream.reply(TX, new Reply(503, "Service Unavailable", Map.of()));
        assertThatThrownBy(() -> source.lookUp(TxId.of(TX))).isInstanceOf(SourceUnavailableException.class)
                .hasMessageContaining("503");
        int unused;
        try (ServerSocket s = new ServerSocket(0)) {
            unused = s.getLocalPort();
        }
        try (MempoolSource dead = Sources.create(URI.create("ws://127.0.0.1:" + unused + "/api/v1/ws"))) {
            assertThatThrownBy(() -> dead.lookUp(TxId.of(TX))).isInstanceOf(SourceUnavailableException.class);
        }
    }

    @Test
    void enrichesCandidatesWithoutPrevoutsLaterAsTheirOwnDelta() throws Exception {
        RecordingListener listener = new RecordingListener();
        upstream.reply(TX, new Reply(429, "slow down", Map.of("Retry-After", "0")),
                Reply.json(TxJson.tx(TX).input("bc1qfrom", 20_000_000_000L).input("bc1qfrom2", 1_000L)
                        .output("bc1qto", 19_999_000_000L).esploraJson("{\"confirmed\":false}")));
        String gone = TxJson.txid(0x9999);   // REST says 404: delivered anyway, prevouts missing
        source.start(listener, Satoshis.ofBtc(100));
        Session s = upstream.awaitSession(WAIT);
        String small = TxJson.tx(TxJson.txid(5)).inputWithoutPrevout().output("x", 1_000).json();
        ScriptedUpstream.send(s, TxJson.addedFrame(41,
                TxJson.tx(TX).inputWithoutPrevout().inputWithoutPrevout().output("bc1qto", 19_999_000_000L)
                        .field("effectiveFeePerVsize", "9.5").json(),
                TxJson.tx(gone).inputWithoutPrevout().output("bc1qto", 30_000_000_000L).json(), small));

        MempoolDelta first = listener.awaitDelta(41, WAIT);
        assertThat(first.added()).isEmpty();
        assertThat(first.addedCount()).isEqualTo(1);
        MempoolDelta enriched = listener.await(MempoolDelta.class,
                d -> d.sequence() == 41 && !d.added().isEmpty() && d.added().get(0).txid().value().equals(TX), WAIT);
        MempoolTransaction tx = enriched.added().get(0);
        assertThat(enriched.addedCount()).isEqualTo(1);
        assertThat(enriched.removed()).isEmpty();
        assertThat(tx.prevoutsKnown()).isTrue();
        assertThat(tx.inputs()).extracting(i -> i.address().orElseThrow()).containsExactly("bc1qfrom", "bc1qfrom2");
        assertThat(tx.feeRate().satPerVbyte()).as("kept from the stream").isEqualTo(9.5);
        MempoolDelta unenriched = listener.await(MempoolDelta.class,
                d -> !d.added().isEmpty() && d.added().get(0).txid().value().equals(gone), WAIT);
        assertThat(unenriched.added().get(0).prevoutsKnown()).isFalse();
        assertThat(upstream.requests).noneMatch(r -> r.endsWith(TxJson.txid(5)));

        ScriptedUpstream.send(s, TxJson.addedFrame(42));
        listener.awaitDelta(42, WAIT);
        assertThat(listener.all(ResyncReason.class)).as("enriched deltas do not confuse the tracker").isEmpty();
        assertThat(source.status().gapsDetected()).isZero();
        assertThat(source.status().transactionsSeen()).isEqualTo(3);
    }
}
