package io.whalewatch.adapter.mempoolspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.whalewatch.domain.chain.MempoolTransaction;
import io.whalewatch.domain.chain.TxId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The streaming parser on its own: shapes, absurd values, fallbacks. */
class FrameParserTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final long MIN = 10_000_000_000L;
    private final FrameParser parser = new FrameParser(Clock.fixed(NOW, ZoneOffset.UTC), MIN);

    private static String whale(long n) {
        return TxJson.tx(TxJson.txid(n)).input("bc1qin", 20_000_000_000L).output("bc1qout", 15_000_000_000L).json();
    }

    @Test
    void dropsAbsurdTransactionsButKeepsTheRestOfTheDelta() throws Exception {
        String negative = TxJson.tx(TxJson.txid(2)).input("a", 1).rawOutput("{\"value\":-5}").json();
        String text = TxJson.tx(TxJson.txid(3)).input("a", 1).rawOutput("{\"value\":\"100\"}").json();
        String tooMuch = TxJson.tx(TxJson.txid(4)).input("a", 1).output("x", 2_100_000_000_000_000L)
                .output("y", 1).json();
        String badTxid = TxJson.tx("zz" + TxJson.txid(5).substring(2)).input("a", 1).output("x", 1).json();
        String fraction = TxJson.tx(TxJson.txid(6)).input("a", 1).rawOutput("{\"value\":1.5}").json();
        String hugeInt = TxJson.tx(TxJson.txid(7)).input("a", 1).rawOutput("{\"value\":123456789012345678901234}").json();
        ParsedFrame f = parser.parse(TxJson.deltaFrame(9, List.of(whale(1), negative, text, tooMuch, badTxid,
                fraction, hugeInt, whale(8)), List.of(TxJson.txid(10), "nothex"), List.of(), List.of()));

        assertThat(f.delta.candidates).extracting(MempoolTransaction::txid)
                .containsExactly(TxId.of(TxJson.txid(1)), TxId.of(TxJson.txid(8)));
        assertThat(f.delta.addedCount).isEqualTo(8);
        assertThat(f.delta.removed).containsExactly(TxId.of(TxJson.txid(10)));
        assertThat(f.hasProblems()).isTrue();
        assertThat(f.problemSummary()).startsWith("7 problem(s)").contains("21 million");
    }

    @Test
    void dropsAWrongShapedKeyButDeliversTheOthers() throws Exception {
        ParsedFrame f = parser.parse("{\"mempool-transactions\": {\"sequence\":5,\"added\":{\"not\":[\"an\",\"array\"]},"
                + "\"removed\":[]}, \"fees\": {\"fastestFee\":3,\"halfHourFee\":2,\"hourFee\":1,\"economyFee\":1,"
                + "\"minimumFee\":1}, \"block\": [1,2]}");

        assertThat(f.delta).isNull();
        assertThat(f.tip).isNull();
        assertThat(f.fees).isNotNull();
        assertThat(f.problemSummary()).contains("added is not an array").contains("block is not an object");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"mempool-transactions\": {\"sequence\":5,\"added\":[", "not json", "[1,2]", "",
        "{\"a\":1} {\"b\":2}", "{\"a\":1}}"})
    void rejectsMalformedOrTruncatedFramesWhole(String frame) {
        assertThatThrownBy(() -> parser.parse(frame))
                .isInstanceOfAny(JsonProcessingException.class, BadShapeException.class);
    }

    @Test
    void ignoresUnknownKeysAndTakesTheHighestBlockAsTip() throws Exception {
        ParsedFrame f = parser.parse("{\"accelerations\": {\"added\":[{\"x\":[1,{\"y\":2}]}],\"removed\":[]}, "
                + "\"blocks\": [" + TxJson.block(100, TxJson.txid(100), 1) + "," + TxJson.block(102, TxJson.txid(102), 3)
                + "," + TxJson.block(101, TxJson.txid(101), 2) + "], \"pong\": true, \"conversions\": {\"USD\": -1}}");

        assertThat(f.tip.height()).isEqualTo(102);
        assertThat(f.usdPrice).isNull();
        assertThat(f.hasProblems()).isFalse();
    }

    @Test
    void fallsBackThroughTheFeeRatesAndToNowForFirstSeen() throws Exception {
        String adjusted = TxJson.tx(TxJson.txid(1)).input("a", MIN).output("b", MIN).without("effectiveFeePerVsize")
                .field("adjustedFeePerVsize", "7.5").without("firstSeen").json();
        String plain = TxJson.tx(TxJson.txid(2)).input("a", MIN).output("b", MIN).without("effectiveFeePerVsize")
                .without("adjustedFeePerVsize").field("feePerVsize", "6.5").json();
        String computed = TxJson.tx(TxJson.txid(3)).input("a", MIN).output("b", MIN).without("effectiveFeePerVsize")
                .without("adjustedFeePerVsize").without("feePerVsize").field("fee", "1000").field("vsize", "250")
                .without("position").json();
        List<MempoolTransaction> txs = parser.parse(TxJson.addedFrame(1, adjusted, plain, computed)).delta.candidates;

        assertThat(txs).extracting(t -> t.feeRate().satPerVbyte()).containsExactly(7.5, 6.5, 4.0);
        assertThat(txs.get(0).firstSeen()).isEqualTo(NOW);
        assertThat(txs.get(2).projectedBlock()).isEmpty();
    }

    @Test
    void setsCandidatesWithoutPrevoutsAsideAndReadsReplacementsByTxid() throws Exception {
        String bitcoindMode = TxJson.tx(TxJson.txid(1)).inputWithoutPrevout().output("", MIN).json();
        String by = TxJson.tx(TxJson.txid(2)).input("a", 5).output("b", 4).json();
        ParsedFrame f = parser.parse(TxJson.deltaFrame(3, List.of(bitcoindMode), List.of(), List.of(),
                List.of(TxJson.replacement(TxJson.txid(4), by), "{\"replaced\":\"" + TxJson.txid(5) + "\",\"by\":\""
                        + TxJson.txid(6) + "\"}")));

        assertThat(f.delta.candidates).isEmpty();
        assertThat(f.delta.missingPrevouts).hasSize(1);
        MempoolTransaction tx = f.delta.missingPrevouts.get(0);
        assertThat(tx.prevoutsKnown()).isFalse();
        assertThat(tx.inputs().get(0).sequence()).isEqualTo(4294967295L);
        assertThat(tx.outputs().get(0).address()).isEmpty();
        assertThat(f.delta.replaced).extracting(r -> r.by().value()).containsExactly(TxJson.txid(2), TxJson.txid(6));
    }

    @Test
    void requiresASequence() throws Exception {
        ParsedFrame f = parser.parse("{\"mempool-transactions\": {\"added\":[],\"removed\":[]}}");
        assertThat(f.delta).isNull();
        assertThat(f.problemSummary()).contains("no sequence");
    }
}
