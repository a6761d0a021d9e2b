package io.whalewatch.adapter.labels;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Locale;

/** The address-list formats, chosen by file extension, else by the first meaningful line. */
enum LabelFormat {
    TAGPACK, BIP329, CSV;

    /**
     * {@code .yaml}/{@code .yml} is a TagPack, {@code .jsonl}/{@code .json} a BIP-329 export,
     * {@code .csv} a CSV list. Otherwise the first line that is neither blank nor a {@code #}
     * comment decides: {@code {} means BIP-329, {@code ---} or a {@code key:} line means a TagPack,
     * anything else CSV. The reader must support mark/reset; it is left at the start.
     */
    static LabelFormat detect(String fileName, BufferedReader in) throws IOException {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return TAGPACK;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".json")) {
            return BIP329;
        }
        if (name.endsWith(".csv")) {
            return CSV;
        }
        return sniff(in);
    }

    private static LabelFormat sniff(BufferedReader in) throws IOException {
        in.mark(64 * 1024);
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                if (t.startsWith("{")) {
                    return BIP329;
                }
                return t.startsWith("---") || t.matches("[A-Za-z_][\\w-]*:.*") ? TAGPACK : CSV;
            }
            return CSV;
        } finally {
            in.reset();
        }
    }
}
