package io.whalewatch.adapter.labels;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the CSV address list of the earlier whalewatch: a header naming the columns
 * ({@code exchange_name,address,type}; order free, {@code type} optional and ignored), then one
 * address per line. Blank lines and lines starting with {@code #} are ignored; fields may be
 * double-quoted. Every listed address must be valid: a bad one is an error naming file and line.
 */
final class CsvLabels {
    private CsvLabels() {
    }

    static void read(String source, BufferedReader in, LabelSink sink) throws IOException {
        int exchangeColumn = -1;
        int addressColumn = -1;
        int lineNo = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNo++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            List<String> fields = split(trimmed, source, lineNo);
            if (exchangeColumn < 0) {
                exchangeColumn = column(fields, "exchange_name", source, lineNo);
                addressColumn = column(fields, "address", source, lineNo);
                continue;
            }
            if (fields.size() <= Math.max(exchangeColumn, addressColumn)) {
                throw LabelSink.error(source, lineNo, "expected at least "
                        + (Math.max(exchangeColumn, addressColumn) + 1) + " columns, found " + fields.size());
            }
            sink.add(source, lineNo, fields.get(addressColumn), fields.get(exchangeColumn));
        }
    }

    private static int column(List<String> header, String name, String source, int lineNo) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).strip().toLowerCase(Locale.ROOT).equals(name)) {
                return i;
            }
        }
        throw LabelSink.error(source, lineNo, "header must name the columns exchange_name,address[,type], found '"
                + String.join(",", header) + "'");
    }

    /** Splits on commas outside double quotes; "" inside quotes is a quote. */
    static List<String> split(String line, String source, int lineNo) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString().strip());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw LabelSink.error(source, lineNo, "unterminated quoted field");
        }
        fields.add(field.toString().strip());
        return fields;
    }
}
