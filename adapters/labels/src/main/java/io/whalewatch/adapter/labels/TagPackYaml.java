package io.whalewatch.adapter.labels;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The full-YAML path for TagPacks (Jackson's streaming parser over SnakeYAML): any valid YAML
 * document, read token by token. Non-scalar values are skipped; YAML nulls count as absent.
 */
final class TagPackYaml {
    private static final YAMLFactory YAML = YAMLFactory.builder().loaderOptions(loaderOptions()).build();

    private TagPackYaml() {
    }

    static TagPackTag.Document parse(String source, Reader in) throws IOException {
        try (JsonParser p = YAML.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw LabelSink.error(source, line(p), "a TagPack is a YAML mapping with a tags: list");
            }
            return readDocument(source, p);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw LabelSink.error(source, at == null ? 0 : at.getLineNr(), "malformed YAML: " + e.getOriginalMessage());
        }
    }

    private static TagPackTag.Document readDocument(String source, JsonParser p) throws IOException {
        Map<String, String> pack = new HashMap<>();
        List<TagPackTag> tags = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if ("tags".equals(field)) {
                tags = readTags(source, p);
            } else if (value.isScalarValue() && value != JsonToken.VALUE_NULL) {
                pack.put(field, text(source, p));
            } else {
                p.skipChildren();
            }
        }
        if (tags == null) {
            throw LabelSink.error(source, line(p), "no tags: list");
        }
        return new TagPackTag.Document(pack, tags);
    }

    private static List<TagPackTag> readTags(String source, JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw LabelSink.error(source, line(p), "tags: must be a list");
        }
        List<TagPackTag> tags = new ArrayList<>();
        TagPackTag.Builder tag = new TagPackTag.Builder(new HashMap<>());
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw LabelSink.error(source, line(p), "each tag must be a mapping with an address");
            }
            tag.start(line(p));
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (!value.isScalarValue()) {
                    p.skipChildren();
                } else if (value != JsonToken.VALUE_NULL) {
                    tag.set(field, text(source, p));
                }
            }
            tags.add(tag.build());
        }
        return tags;
    }

    /** The scalar's text; aliases are refused because the parser gives the anchor's name, not its value. */
    private static String text(String source, JsonParser p) throws IOException {
        if (p instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            throw LabelSink.error(source, line(p), "YAML aliases (*" + p.getText() + ") are not supported in TagPacks");
        }
        return p.getText();
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        // SnakeYAML refuses documents over 3 MB by default; large packs are tens of MB.
        options.setCodePointLimit(Integer.MAX_VALUE);
        return options;
    }
}
