package io.whalewatch.adapter.store.duckdb;

import java.util.ArrayList;
import java.util.List;

/**
 * JSON arrays of strings, the text form of the list columns ({@code exchange_addresses},
 * {@code exchange_names}, {@code flags}): readable by DuckDB's {@code json} functions and by people,
 * without pulling a JSON library into the adapter for one shape.
 */
final class JsonStrings {
    private JsonStrings() {
    }

    static String write(List<String> values) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            quote(values.get(i), out);
        }
        return out.append(']').toString();
    }

    private static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Parses what {@link #write} produced (and any JSON array of strings); null or blank is empty. */
    static List<String> read(String json) {
        List<String> values = new ArrayList<>();
        if (json == null || json.isBlank()) {
            return values;
        }
        Cursor in = new Cursor(json.trim());
        in.expect('[');
        in.skipSpace();
        if (in.peek() == ']') {
            return values;
        }
        do {
            in.skipSpace();
            values.add(in.string());
            in.skipSpace();
        } while (in.nextIs(','));
        in.expect(']');
        return values;
    }

    /** A position in the text being parsed. */
    private static final class Cursor {
        private final String text;
        private int pos;

        Cursor(String text) {
            this.text = text;
        }

        char peek() {
            if (pos >= text.length()) {
                throw new IllegalArgumentException("unexpected end of JSON array: " + text);
            }
            return text.charAt(pos);
        }

        void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        boolean nextIs(char c) {
            if (pos < text.length() && text.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        void expect(char c) {
            if (!nextIs(c)) {
                throw new IllegalArgumentException("expected '" + c + "' at " + pos + " in JSON array: " + text);
            }
        }

        String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            for (char c = peek(); c != '"'; c = peek()) {
                pos++;
                out.append(c == '\\' ? escaped() : c);
            }
            pos++;
            return out.toString();
        }

        private char escaped() {
            char e = peek();
            pos++;
            return switch (e) {
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 't' -> '\t';
                case 'b' -> '\b';
                case 'f' -> '\f';
                case 'u' -> unicode();
                default -> e; // \" \\ \/
            };
        }

        private char unicode() {
            if (pos + 4 > text.length()) {
                throw new IllegalArgumentException("truncated \\u escape in JSON array: " + text);
            }
            char c = (char) Integer.parseInt(text.substring(pos, pos + 4), 16);
            pos += 4;
            return c;
        }
    }
}
