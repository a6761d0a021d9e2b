package io.whalewatch.adapter.labels;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

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
 * The file is parsed as a token stream. Tags are held in a compact list until the end of the
 * document because YAML allows pack-level keys after {@code tags:}.
 */
final class TagPackLabels {
    private static final YAMLFactory YAML = YAMLFactory.builder().loaderOptions(loaderOptions()).build();

    private TagPackLabels() {
    }

    static void read(String source, Reader in, LabelSink sink) throws IOException {
        try (JsonParser p = YAML.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw LabelSink.error(source, line(p), "a TagPack is a YAML mapping with a tags: list");
            }
            Map<String, String> pack = new HashMap<>();
            List<Tag> tags = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if ("tags".equals(field)) {
                    tags = readTags(source, p);
                } else if (value.isScalarValue()) {
                    pack.put(field, p.getText());
                } else {
                    p.skipChildren();
                }
            }
            if (tags == null) {
                throw LabelSink.error(source, line(p), "no tags: list");
            }
            resolve(source, pack, tags, sink);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw LabelSink.error(source, at == null ? 0 : at.getLineNr(), "malformed YAML: " + e.getOriginalMessage());
        }
    }

    private static List<Tag> readTags(String source, JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw LabelSink.error(source, line(p), "tags: must be a list");
        }
        List<Tag> tags = new ArrayList<>();
        Map<String, String> shared = new HashMap<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw LabelSink.error(source, line(p), "each tag must be a mapping with an address");
            }
            tags.add(Tag.read(p, shared));
        }
        return tags;
    }

    private static void resolve(String source, Map<String, String> pack, List<Tag> tags, LabelSink sink) {
        for (Tag tag : tags) {
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

    static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        // SnakeYAML refuses documents over 3 MB by default; large packs are tens of MB.
        options.setCodePointLimit(Integer.MAX_VALUE);
        return options;
    }

    /** One tag as written; null fields inherit the pack's value. Repeated values share one String. */
    private record Tag(String address, String currency, String actor, String label, String category, int line) {
        static Tag read(JsonParser p, Map<String, String> shared) throws IOException {
            int line = TagPackLabels.line(p);
            String address = null;
            String currency = null;
            String actor = null;
            String label = null;
            String category = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                if (!p.nextToken().isScalarValue()) {
                    p.skipChildren();
                    continue;
                }
                switch (field) {
                    case "address" -> address = p.getText();
                    case "currency" -> currency = shared.computeIfAbsent(p.getText(), v -> v);
                    case "actor" -> actor = shared.computeIfAbsent(p.getText(), v -> v);
                    case "label" -> label = shared.computeIfAbsent(p.getText(), v -> v);
                    case "category" -> category = shared.computeIfAbsent(p.getText(), v -> v);
                    default -> { }
                }
            }
            return new Tag(address, currency, actor, label, category, line);
        }
    }
}
