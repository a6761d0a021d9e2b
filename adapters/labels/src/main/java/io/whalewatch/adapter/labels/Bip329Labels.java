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
        String type = null;
        String ref = null;
        String label = null;
        try (JsonParser p = JSON.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw LabelSink.error(source, lineNo, "expected a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "type" -> type = value.isScalarValue() ? p.getText() : null;
                    case "ref" -> ref = value.isScalarValue() ? p.getText() : null;
                    case "label" -> label = value.isScalarValue() ? p.getText() : null;
                    default -> p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw LabelSink.error(source, lineNo, "more than one JSON value on the line");
            }
        }
        if (!"addr".equals(type) || label == null || label.isBlank()) {
            sink.skip();
            return;
        }
        if (ref == null) {
            throw LabelSink.error(source, lineNo, "addr record without \"ref\"");
        }
        sink.add(source, lineNo, ref, label);
    }
}
