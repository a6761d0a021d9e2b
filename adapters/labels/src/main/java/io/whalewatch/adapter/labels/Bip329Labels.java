package io.whalewatch.adapter.labels;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;

/**
 * Reads a BIP-329 label export (JSON Lines). Only records of {@code "type": "addr"} are used: their
 * {@code ref} is the address and their {@code label} is the exchange name, taken whole (through
 * {@link ExchangeNames#normalise}: "binance" becomes "Binance", "Acme cold wallet" stays as is).
 * Other record types (tx, input, output, xpub, pubkey) and address records without a label are
 * skipped; a malformed line or an invalid address is an error naming file and line.
 */
final class Bip329Labels {
    private static final JsonFactory JSON = new JsonFactory();

    private Bip329Labels() {
    }

    static void read(String source, BufferedReader in, LabelSink sink) throws IOException {
        int lineNo = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            try {
                readRecord(source, lineNo, line, sink);
            } catch (JsonProcessingException e) {
                throw LabelSink.error(source, lineNo, "malformed JSON: " + e.getOriginalMessage());
            }
        }
    }

    private static void readRecord(String source, int lineNo, String line, LabelSink sink) throws IOException {
        String[] record = fields(source, lineNo, line);
        String type = record[0];
        String ref = record[1];
        String label = record[2];
        if (!"addr".equals(type) || label == null || label.isBlank()) {
            sink.skip();
            return;
        }
        if (ref == null) {
            throw LabelSink.error(source, lineNo, "addr record without \"ref\"");
        }
        sink.add(source, lineNo, ref, label);
    }

    /** The scalar {@code type}, {@code ref} and {@code label} of one JSON object line (null when absent). */
    private static String[] fields(String source, int lineNo, String line) throws IOException {
        String[] record = new String[3];
        try (JsonParser p = JSON.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw LabelSink.error(source, lineNo, "expected a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                int index = switch (p.currentName()) {
                    case "type" -> 0;
                    case "ref" -> 1;
                    case "label" -> 2;
                    default -> -1;
                };
                JsonToken value = p.nextToken();
                if (index >= 0 && value.isScalarValue() && value != JsonToken.VALUE_NULL) {
                    record[index] = p.getText();
                } else {
                    p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw LabelSink.error(source, lineNo, "more than one JSON value on the line");
            }
        }
        return record;
    }
}
