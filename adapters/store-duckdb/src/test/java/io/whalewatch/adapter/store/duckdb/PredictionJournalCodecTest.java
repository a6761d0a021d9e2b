package io.whalewatch.adapter.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.whalewatch.domain.prediction.Prediction;
import io.whalewatch.testkit.Predictions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class PredictionJournalCodecTest {
    private final PredictionJournalCodec codec = new PredictionJournalCodec();
    private final JournalFrames frames = new JournalFrames(codec);

    private byte[] framed(List<Prediction> predictions) {
        JournalFrames.Batch batch = new JournalFrames.Batch(64);
        predictions.forEach(p -> batch.add(out -> codec.writePrediction(p, out)));
        return batch.toByteArray();
    }

    private List<Prediction> read(byte[] bytes) {
        List<Prediction> out = new ArrayList<>();
        for (JournalFrames.Read r : frames.scan(bytes, 0).records()) {
            out.add(((JournalRecord.Entry) r.record()).prediction());
        }
        return out;
    }

    @Test
    void random_predictions_round_trip_exactly() {
        RandomPredictions random = new RandomPredictions(20261122L);
        for (int round = 0; round < 200; round++) {
            List<Prediction> predictions = random.next(round * 10L, 10);

            byte[] bytes = framed(predictions);

            assertThat(read(bytes)).as("round %d", round).containsExactlyElementsOf(predictions);
        }
    }

    @Test
    void records_are_ascii_lines_without_raw_newlines_inside() {
        List<Prediction> predictions = new RandomPredictions(7).next(1, 300);

        String text = new String(framed(predictions), StandardCharsets.ISO_8859_1);

        assertThat(text.chars()).allMatch(c -> c >= 0x20 && c < 0x7f || c == '\n');
        assertThat(text.split("\n", -1)).hasSize(301); // 300 lines and the empty rest after the last newline
    }

    @Test
    void the_record_format_is_versioned_json_with_explicit_names() {
        String line = new String(framed(List.of(Predictions.inflow(7, 120))), StandardCharsets.US_ASCII);

        assertThat(line).matches("[0-9a-f]{8} \\{\"v\":1,\"t\":\"p\",\"id\":\"[^\"]+\",\"alert\":7,.*\\}\n");
        assertThat(line).contains("\"flow\":\"inflow\"", "\"exchanges\":[\"Binance\"]", "\"usd\":95000.0");
    }

    @Test
    void non_finite_and_negative_zero_doubles_round_trip() {
        Prediction base = Predictions.inflow(3, 120);
        for (double usd : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0}) {
            Prediction p = new Prediction(base.id(), 3, base.txid(), base.amount(), base.flow(),
                    io.whalewatch.domain.fee.FeeRate.of(-0.0), base.urgency(), false, base.detectedAt(),
                    base.tipHeight(), base.predictedHeight(), base.flags(), OptionalDouble.of(usd));

            assertThat(read(framed(List.of(p)))).containsExactly(p);
        }
    }

    @Test
    void watermarks_round_trip() {
        JournalFrames.Batch batch = new JournalFrames.Batch(64);
        batch.add(out -> codec.writeWatermark(41, Long.MAX_VALUE, out));

        assertThat(frames.scan(batch.toByteArray(), 0).records())
                .extracting(JournalFrames.Read::record)
                .containsExactly(new JournalRecord.Watermark(41, Long.MAX_VALUE));
    }

    @Test
    void a_newer_version_is_refused_and_unknown_or_missing_fields_are_invalid() {
        byte[] newer = "{\"v\":2,\"t\":\"w\",\"settled\":1,\"last\":1}".getBytes(StandardCharsets.US_ASCII);
        byte[] unknown = "{\"v\":1,\"t\":\"w\",\"settled\":1,\"last\":1,\"x\":0}".getBytes(StandardCharsets.US_ASCII);
        byte[] missing = "{\"v\":1,\"t\":\"w\",\"settled\":1}".getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> codec.read(newer, 0, newer.length))
                .isInstanceOf(PredictionJournalCodec.UnsupportedVersion.class).hasMessageContaining("version 2");
        assertThatThrownBy(() -> codec.read(unknown, 0, unknown.length)).hasMessageContaining("unknown field x");
        assertThatThrownBy(() -> codec.read(missing, 0, missing.length)).hasMessageContaining("missing field last");
    }

    @Test
    void a_flipped_bit_fails_the_checksum_and_a_good_line_after_it_makes_it_corrupt_not_torn() {
        byte[] bytes = framed(new RandomPredictions(3).next(1, 3));
        int secondLine = indexOfNewline(bytes, 0) + 1;
        bytes[secondLine + 40] ^= 0x01;

        JournalFrames.Scan scan = frames.scan(bytes, 0);

        assertThat(scan.records()).hasSize(2);
        assertThat(scan.corrupt()).isEqualTo(1);
        assertThat(scan.goodEnd()).isEqualTo(bytes.length);
    }

    @Test
    void bad_and_unterminated_lines_after_the_last_good_one_are_a_torn_tail() {
        byte[] whole = framed(new RandomPredictions(4).next(1, 3));
        int end1 = indexOfNewline(whole, 0) + 1;
        byte[] bytes = java.util.Arrays.copyOf(whole, whole.length - 5);
        bytes[end1 + 20] ^= 0x01; // the second line damaged, the third cut short

        JournalFrames.Scan scan = frames.scan(bytes, 0);

        assertThat(scan.records()).hasSize(1);
        assertThat(scan.corrupt()).isZero();
        assertThat(scan.goodEnd()).isEqualTo(end1);
    }

    private static int indexOfNewline(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
