package io.whalewatch.adapter.mempoolspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.whalewatch.adapter.simulator.FrameFileWriter;
import io.whalewatch.domain.chain.MempoolTransaction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The frame parser scans resync transactions (no addresses decoded, candidates read a
 * second time from their bytes, field names predicted from the previous transaction). Here it must
 * give exactly what the plain one-pass read gives: the oracle reads every element of
 * {@code added} with a fresh {@link TransactionReader} (nothing predicted, everything decoded).
 */
class ScanEquivalenceTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final long MIN = 10_000_000_000L;
    private static final JsonFactory JSON = new JsonFactory();

    /** What one frame's {@code added} amounts to: candidates in order, and the problems. */
    private record Outcome(List<MempoolTransaction> candidates, List<MempoolTransaction> missingPrevouts,
                           List<String> problems) {
    }

    private static Outcome oracle(String frame, long minimum) throws Exception {
        List<MempoolTransaction> candidates = new ArrayList<>();
        List<MempoolTransaction> missing = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (JsonParser p = JSON.createParser(frame)) {
            while (p.nextToken() != null) {
                if (p.currentToken() == JsonToken.FIELD_NAME && p.currentName().equals("added")) {
                    p.nextToken();
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        TransactionReader.Result r = new TransactionReader(CLOCK).read(p, minimum);
                        if (r.rejected()) {
                            problems.add(r.problem());
                        } else if (r.candidate() != null) {
                            (r.candidate().prevoutsKnown() ? candidates : missing).add(r.candidate());
                        }
                    }
                }
            }
        }
        return new Outcome(candidates, missing, problems);
    }

    private static void assertSameAsOracle(FrameParser parser, String frame, long minimum) throws Exception {
        Outcome expected = oracle(frame, minimum);
        ParsedFrame f = parser.parse(frame);
        assertThat(f.delta.candidates).isEqualTo(expected.candidates());
        assertThat(f.delta.missingPrevouts).isEqualTo(expected.missingPrevouts());
        if (expected.problems().isEmpty()) {
            assertThat(f.hasProblems()).isFalse();
        } else {
            assertThat(f.problemSummary()).isEqualTo(expected.problems().size() + " problem(s): "
                    + String.join("; ", expected.problems().subList(0, Math.min(5, expected.problems().size()))));
        }
    }

    @Test
    void simulatorBurstFramesParseAsTheOracleReadsThem(@TempDir Path dir) throws Exception {
        Path frames = dir.resolve("f.frames");
        // A whale share of 5% and a low minimum so that there are many candidates to read twice.
        try (FrameFileWriter w = new FrameFileWriter(Map.of("SIM_SEED", "11", "SIM_WHALE_SHARE", "0.05",
                "SIM_BLOCK_INTERVAL_SECONDS", "86400"), null, frames, dir.resolve("f.truth"))) {
            w.burstFrame(800);
            w.burstFrame(800);
        }
        FrameParser parser = new FrameParser(CLOCK, 100_000_000L);
        int checked = 0;
        for (String frame : Files.readAllLines(frames)) {
            if (frame.contains("\"added\":[{")) {
                Outcome expected = oracle(frame, 100_000_000L);
                assertThat(expected.candidates()).hasSizeGreaterThan(20);
                assertSameAsOracle(parser, frame, 100_000_000L);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void randomTransactionsParseAsTheOracleReadsThem(long seed) throws Exception {
        Random rnd = new Random(seed);
        FrameParser parser = new FrameParser(CLOCK, MIN); // one parser: predictions carry across frames
        for (int frame = 0; frame < 20; frame++) {
            List<String> added = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                added.add(randomTransaction(rnd, frame * 100L + i));
            }
            assertSameAsOracle(parser, TxJson.addedFrame(frame + 1, added.toArray(String[]::new)), MIN);
        }
    }

    @Test
    void multiByteTextBeforeACandidateDoesNotShiftItsSecondRead() throws Exception {
        String before = TxJson.tx(TxJson.txid(1)).input("b\u00e9\u540d\uD83D\uDE00", 5).output("\u00fcber", 7)
                .field("note", "\"caf\u00e9 \u540d\u524d \uD83D\uDE00 \\u00e9\"").json();
        String whale = TxJson.tx(TxJson.txid(2)).input("bc1q\u00e9in", 20_000_000_000L)
                .output("bc1q\u540dout", 15_000_000_000L).output("\\u0062c1qescaped", 1).json();
        String frame = TxJson.addedFrame(3, before, whale, before, whale);
        FrameParser parser = new FrameParser(CLOCK, MIN);

        assertSameAsOracle(parser, frame, MIN);
        ParsedFrame f = parser.parse(frame);
        assertThat(f.delta.candidates).hasSize(2);
        assertThat(f.delta.candidates.get(0).outputs().get(0).address()).contains("bc1q\u540dout");
        assertThat(f.delta.candidates.get(0).outputs().get(1).address()).contains("bc1qescaped");
        assertThat(f.delta.candidates.get(0).inputs().get(0).prevout().orElseThrow().address())
                .contains("bc1q\u00e9in");
    }

    /** A transaction in mempool.space's shape with random fields, values (many absurd) and order. */
    private static String randomTransaction(Random rnd, long n) {
        String txid = rnd.nextInt(30) == 0 ? "zz" + TxJson.txid(n).substring(2) : TxJson.txid(n);
        List<String> fields = new ArrayList<>();
        fields.add(q("txid") + ":" + (rnd.nextInt(40) == 0 ? "null" : q(txid)));
        fields.add(q("version") + ":2");
        List<String> vin = new ArrayList<>();
        for (int i = rnd.nextInt(4); i >= 0; i--) {
            vin.add(randomInput(rnd));
        }
        fields.add(q("vin") + ":" + (rnd.nextInt(60) == 0 ? "{}" : "[" + String.join(",", vin) + "]"));
        List<String> vout = new ArrayList<>();
        for (int i = rnd.nextInt(4); i >= 0; i--) {
            vout.add(rnd.nextInt(60) == 0 ? "7" : output(rnd, value(rnd)));
        }
        fields.add(q("vout") + ":[" + String.join(",", vout) + "]");
        fields.add(q("fee") + ":" + pick(rnd, "1200", "0", "-5", "2100000000000001", "1.5", "null", "\"9\""));
        fields.add(q("vsize") + ":" + number(rnd));
        fields.add(q("weight") + ":" + number(rnd));
        fields.add(q("feePerVsize") + ":" + number(rnd));
        fields.add(q("adjustedFeePerVsize") + ":" + number(rnd));
        fields.add(q("effectiveFeePerVsize") + ":" + number(rnd));
        fields.add(q("firstSeen") + ":" + pick(rnd, "1734893382", "0", "-1", "1e3", "null"));
        fields.add(q("position") + ":" + pick(rnd, "{\"block\":2,\"vsize\":1.5}", "{\"block\":-1}", "null", "[]"));
        fields.add(q("status") + ":{\"confirmed\":false}");
        fields.add(q("ancestors") + ":[]");
        fields.add(q("note") + ":" + pick(rnd, q("caf\u00e9"), q("\\u00e9\\n"), "[{\"a\":[1,2]}]", "true"));
        // Mostly the fixed order mempool.space writes; sometimes shuffled or thinned out.
        if (rnd.nextInt(5) == 0) {
            Collections.shuffle(fields, rnd);
        }
        if (rnd.nextInt(8) == 0) {
            fields.remove(rnd.nextInt(fields.size()));
        }
        return "{" + String.join(",", fields) + "}";
    }

    private static String randomInput(Random rnd) {
        String prevout = switch (rnd.nextInt(12)) {
            case 0 -> "null";
            case 1 -> "[1]";
            default -> output(rnd, value(rnd));
        };
        List<String> fields = new ArrayList<>(List.of(
                q("txid") + ":" + q(TxJson.txid(rnd.nextInt(1000))), q("vout") + ":" + rnd.nextInt(4),
                q("prevout") + ":" + prevout, q("scriptsig") + ":\"\"", q("witness") + ":[\"3044\",\"02a1\"]",
                q("is_coinbase") + ":false",
                q("sequence") + ":" + pick(rnd, "4294967293", "4294967295", "4294967296", "-1", "0", "1.0")));
        if (rnd.nextInt(6) == 0) {
            Collections.shuffle(fields, rnd);
        }
        return "{" + String.join(",", fields) + "}";
    }

    private static String output(Random rnd, String value) {
        String address = switch (rnd.nextInt(8)) {
            case 0 -> "null";
            case 1 -> "17";
            case 2 -> q("bc1q\u00e9\u540d");
            case 3 -> q("\\u0062c1q" + rnd.nextInt(100));
            default -> q("bc1q" + Long.toString(rnd.nextLong() & Long.MAX_VALUE, 36));
        };
        List<String> fields = new ArrayList<>(List.of(q("scriptpubkey") + ":\"0014fd6d\"",
                q("scriptpubkey_type") + ":\"v0_p2wpkh\"", q("scriptpubkey_address") + ":" + address));
        if (rnd.nextInt(30) != 0) {
            fields.add(q("value") + ":" + value);
        }
        if (rnd.nextInt(6) == 0) {
            Collections.shuffle(fields, rnd);
        }
        return "{" + String.join(",", fields) + "}";
    }

    /** Satoshis around the candidate minimum, sometimes absurd. */
    private static String value(Random rnd) {
        return switch (rnd.nextInt(20)) {
            case 0 -> "-5";
            case 1 -> "2100000000000001";
            case 2 -> "1.5";
            case 3 -> "\"100\"";
            case 4 -> "123456789012345678901234";
            case 5 -> "null";
            default -> Long.toString((long) (rnd.nextDouble() * 2 * MIN));
        };
    }

    private static String number(Random rnd) {
        return pick(rnd, "141", "141.25", "8.51063829787234", "0", "0.0", "-0.0", "-1.5", "1e3", "1e400",
                "1e-400", "0.00000000000000000000001", "123456789012345678901.5", "null", "\"1\"", "{}");
    }

    private static String pick(Random rnd, String... choices) {
        // The first choice (the usual value) half of the time.
        return rnd.nextBoolean() ? choices[0] : choices[rnd.nextInt(choices.length)];
    }

    private static String q(String s) {
        return "\"" + s + "\"";
    }
}
