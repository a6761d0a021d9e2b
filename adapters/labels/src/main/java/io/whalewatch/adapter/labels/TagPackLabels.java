package io.whalewatch.adapter.labels;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Map;

/**
 * Reads a GraphSense TagPack: a YAML mapping of pack-level defaults ({@code title}, {@code creator},
 * {@code currency}, {@code actor}, {@code label}, {@code category}, ...) and a {@code tags:} list
 * whose items carry {@code address} and may override any default.
 *
 * <ul>
 *   <li>Only tags whose currency (the tag's, else the pack's) is BTC are used; others are skipped
 *       and counted, never validated as Bitcoin addresses. A tag with no currency at all is an error.</li>
 *   <li>A tag whose category (the tag's, else the pack's) is set to something other than
 *       {@code exchange} is skipped: the book lists exchanges only.</li>
 *   <li>The exchange is the tag's {@code actor} (else the pack's), else its {@code label} (else the
 *       pack's), through {@link ExchangeNames#normalise}.</li>
 * </ul>
 * Packs in plain block style (all real ones) go through {@link TagPackFastReader}; anything else is
 * parsed by the full YAML parser ({@link TagPackYaml}). Tags are resolved after the whole document
 * is read because YAML allows pack-level keys after {@code tags:}.
 */
final class TagPackLabels {
    /** Opens the source again from its start, for the second, full-YAML pass. */
    interface Reopen {
        BufferedReader open() throws IOException;
    }

    private TagPackLabels() {
    }

    static void read(String source, BufferedReader in, Reopen reopen, LabelSink sink) throws IOException {
        TagPackTag.Document document = TagPackFastReader.parse(in);
        if (document == null) {
            try (BufferedReader again = reopen.open()) {
                document = TagPackYaml.parse(source, again);
            }
        }
        resolve(source, document, sink);
    }

    private static void resolve(String source, TagPackTag.Document document, LabelSink sink) {
        Map<String, String> pack = document.pack();
        for (TagPackTag tag : document.tags()) {
            String currency = or(tag.currency(), pack.get("currency"));
            String category = or(tag.category(), pack.get("category"));
            if (currency == null) {
                throw LabelSink.error(source, tag.line(), "tag has no currency (neither the tag nor the pack sets one)");
            }
            if (!currency.strip().equalsIgnoreCase("BTC") || (category != null && !category.strip().equals("exchange"))) {
                sink.skip();
                continue;
            }
            if (tag.address() == null) {
                throw LabelSink.error(source, tag.line(), "tag has no address");
            }
            String exchange = or(or(tag.actor(), pack.get("actor")), or(tag.label(), pack.get("label")));
            sink.add(source, tag.line(), tag.address(), exchange);
        }
    }

    private static String or(String first, String second) {
        return first != null && !first.isBlank() ? first : second;
    }
}
