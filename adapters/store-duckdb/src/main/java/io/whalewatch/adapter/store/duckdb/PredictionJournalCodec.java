package io.whalewatch.adapter.store.duckdb;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import io.whalewatch.domain.chain.Satoshis;
import io.whalewatch.domain.chain.TxId;
import io.whalewatch.domain.detection.FlowClassification;
import io.whalewatch.domain.detection.FlowType;
import io.whalewatch.domain.detection.SignalFlag;
import io.whalewatch.domain.detection.TransferAmount;
import io.whalewatch.domain.fee.FeeRate;
import io.whalewatch.domain.fee.UrgencyScore;
import io.whalewatch.domain.prediction.Prediction;
import io.whalewatch.domain.prediction.PredictionId;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The journal's record format, version {@value #VERSION}: one JSON object per record, mapped field
 * by field (no reflection on domain records, so a renamed component cannot silently change the file).
 *
 * <pre>
 * {"v":1,"t":"p","id":"…","alert":7,"txid":"…","total":…,"transferred":…,"change":…,"flow":"inflow",
 *  "exchanges":["…"],"addresses":["…"],"confidence":0.9,"fee":25.5,"urgency":0.45,"rbf":true,
 *  "atSec":1795…,"atNano":123,"tip":890000,"predicted":890001,"flags":["consolidation"],"usd":95000.0}
 * {"v":1,"t":"w","settled":7,"last":9}
 * </pre>
 *
 * Amounts are satoshis and the instant is seconds plus nanoseconds, so nothing rounds; doubles are
 * written in Java's shortest round-tripping form (non-finite ones, possible only for {@code usd}, as
 * strings); {@code usd} is absent when the price is unknown. Non-ASCII characters are escaped, so a
 * record is plain ASCII and never contains a raw newline (the framing relies on that).
 */
final class PredictionJournalCodec {
    /** The record format version written; a file with a higher one is refused rather than misread. */
    static final int VERSION = 1;
    private static final String PREDICTION = "p";
    private static final String WATERMARK = "w";

    private final JsonFactory json = JsonFactory.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    /** A record written by a newer release: skipping it would lose data, so opening fails instead. */
    static final class UnsupportedVersion extends IllegalArgumentException {
        UnsupportedVersion(long version) {
            super("journal record version " + version + " is newer than this release understands (" + VERSION + ")");
        }
    }

    void writePrediction(Prediction p, OutputStream out) throws IOException {
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("v", VERSION);
            g.writeStringField("t", PREDICTION);
            g.writeStringField("id", p.id().value());
            g.writeNumberField("alert", p.alertId());
            g.writeStringField("txid", p.txid().value());
            g.writeNumberField("total", p.amount().totalOutput().value());
            g.writeNumberField("transferred", p.amount().transferred().value());
            g.writeNumberField("change", p.amount().change().value());
            FlowClassification flow = p.flow();
            g.writeStringField("flow", flow.type().wireName());
            writeStrings(g, "exchanges", flow.exchanges());
            writeStrings(g, "addresses", flow.exchangeAddresses());
            writeDouble(g, "confidence", flow.confidence());
            writeDouble(g, "fee", p.feeRate().satPerVbyte());
            writeDouble(g, "urgency", p.urgency().value());
            g.writeBooleanField("rbf", p.rbfSignalled());
            g.writeNumberField("atSec", p.detectedAt().getEpochSecond());
            g.writeNumberField("atNano", p.detectedAt().getNano());
            g.writeNumberField("tip", p.tipHeight());
            g.writeNumberField("predicted", p.predictedHeight());
            g.writeArrayFieldStart("flags");
            for (SignalFlag flag : sorted(p.flags())) {
                g.writeString(flag.wireName());
            }
            g.writeEndArray();
            if (p.usdPerBtc().isPresent()) {
                writeDouble(g, "usd", p.usdPerBtc().getAsDouble());
            }
            g.writeEndObject();
        }
    }

    void writeWatermark(long settledUpTo, long lastAlertId, OutputStream out) throws IOException {
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("v", VERSION);
            g.writeStringField("t", WATERMARK);
            g.writeNumberField("settled", settledUpTo);
            g.writeNumberField("last", lastAlertId);
            g.writeEndObject();
        }
    }

    /**
     * Reads one record.
     *
     * @throws UnsupportedVersion       for a record of a newer format
     * @throws IllegalArgumentException for anything else that is not a valid version-1 record
     */
    JournalRecord read(byte[] bytes, int offset, int length) {
        try (JsonParser p = json.createParser(bytes, offset, length)) {
            Fields f = new Fields();
            expect(p.nextToken(), JsonToken.START_OBJECT);
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                expect(t, JsonToken.FIELD_NAME);
                String name = p.currentName();
                p.nextToken();
                f.read(name, p);
            }
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("trailing content after the record");
            }
            return f.toRecord();
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JSON record: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new IllegalArgumentException("not a valid record: " + e, e);
        }
    }

    private static List<SignalFlag> sorted(Set<SignalFlag> flags) {
        return flags.isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf(flags));
    }

    private static void writeStrings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    private static void writeDouble(JsonGenerator g, String name, double value) throws IOException {
        if (Double.isFinite(value)) {
            g.writeNumberField(name, value);
        } else {
            g.writeStringField(name, Double.toString(value)); // "NaN", "Infinity": not JSON numbers
        }
    }

    private static void expect(JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw new IllegalArgumentException("expected " + expected + " but found " + actual);
        }
    }

    /** The fields of one record as they are read, in any order. */
    private static final class Fields {
        private Long version;
        private String type;
        private String id;
        private String txid;
        private String flow;
        private List<String> exchanges;
        private List<String> addresses;
        private List<String> flags;
        private Boolean rbf;
        private OptionalDouble usd = OptionalDouble.empty();
        private final Map<String, Long> longs = new HashMap<>();
        private final Map<String, Double> doubles = new HashMap<>();

        void read(String name, JsonParser p) throws IOException {
            switch (name) {
                case "v" -> version = integral(p);
                case "t" -> type = text(p);
                case "id" -> id = text(p);
                case "txid" -> txid = text(p);
                case "flow" -> flow = text(p);
                case "exchanges" -> exchanges = strings(p);
                case "addresses" -> addresses = strings(p);
                case "flags" -> flags = strings(p);
                case "rbf" -> rbf = bool(p);
                case "usd" -> usd = OptionalDouble.of(number(p));
                case "alert", "total", "transferred", "change", "atSec", "atNano", "tip", "predicted",
                     "settled", "last" -> putOnce(longs, name, integral(p));
                case "confidence", "fee", "urgency" -> putOnce(doubles, name, number(p));
                default -> throw new IllegalArgumentException("unknown field " + name);
            }
        }

        JournalRecord toRecord() {
            if (version == null) {
                throw new IllegalArgumentException("no version");
            }
            if (version != VERSION) {
                throw new UnsupportedVersion(version);
            }
            if (WATERMARK.equals(type)) {
                return new JournalRecord.Watermark(required("settled"), required("last"));
            }
            if (!PREDICTION.equals(type)) {
                throw new IllegalArgumentException("unknown record type " + type);
            }
            return new JournalRecord.Entry(prediction());
        }

        private Prediction prediction() {
            TransferAmount amount = new TransferAmount(Satoshis.of(required("total")),
                    Satoshis.of(required("transferred")), Satoshis.of(required("change")));
            FlowClassification flowClassification = new FlowClassification(FlowType.fromWire(present(flow, "flow")),
                    present(exchanges, "exchanges"), present(addresses, "addresses"), requiredDouble("confidence"));
            Set<SignalFlag> flagSet = EnumSet.noneOf(SignalFlag.class);
            present(flags, "flags").forEach(f -> flagSet.add(SignalFlag.fromWire(f)));
            return new Prediction(new PredictionId(present(id, "id")), required("alert"), TxId.of(present(txid, "txid")),
                    amount, flowClassification, FeeRate.of(requiredDouble("fee")),
                    new UrgencyScore(requiredDouble("urgency")), present(rbf, "rbf"),
                    Instant.ofEpochSecond(required("atSec"), required("atNano")),
                    Math.toIntExact(required("tip")), Math.toIntExact(required("predicted")), flagSet, usd);
        }

        private long required(String name) {
            return present(longs.get(name), name);
        }

        private double requiredDouble(String name) {
            return present(doubles.get(name), name);
        }

        private static <T> T present(T value, String name) {
            if (value == null) {
                throw new IllegalArgumentException("missing field " + name);
            }
            return value;
        }

        private static <T> void putOnce(Map<String, T> into, String name, T value) {
            if (into.put(name, value) != null) {
                throw new IllegalArgumentException("duplicate field " + name);
            }
        }

        private static long integral(JsonParser p) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
                throw new IllegalArgumentException("expected an integer for " + p.currentName());
            }
            return p.getLongValue();
        }

        private static double number(JsonParser p) throws IOException {
            return switch (p.currentToken()) {
                case VALUE_NUMBER_FLOAT, VALUE_NUMBER_INT -> p.getDoubleValue();
                case VALUE_STRING -> nonFinite(p.getText());
                default -> throw new IllegalArgumentException("expected a number for " + p.currentName());
            };
        }

        private static double nonFinite(String text) {
            double d = Double.parseDouble(text);
            if (Double.isFinite(d)) {
                throw new IllegalArgumentException("a finite number written as a string: " + text);
            }
            return d;
        }

        private static String text(JsonParser p) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw new IllegalArgumentException("expected a string for " + p.currentName());
            }
            return p.getText();
        }

        private static boolean bool(JsonParser p) {
            return switch (p.currentToken()) {
                case VALUE_TRUE -> true;
                case VALUE_FALSE -> false;
                default -> throw new IllegalArgumentException("expected a boolean");
            };
        }

        private static List<String> strings(JsonParser p) throws IOException {
            expect(p.currentToken(), JsonToken.START_ARRAY);
            List<String> values = new ArrayList<>();
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                values.add(text(p));
            }
            return values;
        }
    }
}
