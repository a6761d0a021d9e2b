package io.whalewatch.adapter.labels;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A fast line reader for the plain block-style YAML that TagPacks are written in (top-level
 * {@code key: value} lines, a {@code tags:} list of {@code - key: value} items with their other keys
 * two columns further in, plain or quoted one-line scalars, comments). Roughly ten times faster than
 * a general YAML parser on large packs.
 *
 * <p>It accepts only what it fully understands: on any other construct (flow collections, block
 * scalars, anchors, nested values, escapes, multi-line scalars, tabs, nulls, repeated keys) it
 * returns null and the caller parses the file again with the full YAML parser, so both paths give
 * the same result for every document this one accepts.
 */
final class TagPackFastReader {
    private final Map<String, String> pack = new HashMap<>();
    private final TagPackTag.Builder tag = new TagPackTag.Builder(new HashMap<>());
    private List<TagPackTag> tags;
    private boolean inTags;
    private boolean inTag;
    private boolean content;
    private int itemIndent = -1;

    private TagPackFastReader() {
    }

    /** The document, or null when it uses YAML beyond this reader's subset (or has no tags, or an empty tags:). */
    static TagPackTag.Document parse(BufferedReader in) throws IOException {
        TagPackFastReader reader = new TagPackFastReader();
        int lineNo = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (!reader.accept(line, ++lineNo)) {
                return null;
            }
        }
        reader.finishTag();
        // An empty "tags:" is YAML null, which the full parser reports as an error (found by fuzzing).
        return reader.tags == null || reader.tags.isEmpty() ? null : new TagPackTag.Document(reader.pack, reader.tags);
    }

    private boolean accept(String line, int lineNo) {
        int indent = 0;
        while (indent < line.length() && line.charAt(indent) == ' ') {
            indent++;
        }
        boolean blankOrComment = indent == line.length() || line.charAt(indent) == '#';
        if (!plainCharacters(line, blankOrComment)) {
            return false;
        }
        if (blankOrComment) {
            return true;
        }
        if (line.startsWith("---")) {
            boolean marker = !content && line.strip().equals("---");
            content = true;
            return marker;
        }
        content = true;
        if (indent == 0 && line.charAt(0) != '-') {
            return header(line);
        }
        if (!inTags) {
            return false;
        }
        return line.charAt(indent) == '-' ? itemStart(line, indent, lineNo) : itemField(line, indent);
    }

    /**
     * False for tabs outside comments, and anywhere for what YAML treats differently from a line
     * reader: other control characters (YAML rejects them), NEL/LS/PS (YAML breaks lines there) and
     * a byte-order mark. (AddressBookFuzzTest found a NUL in a value read by the fast path only.)
     */
    private static boolean plainCharacters(String line, boolean tabAllowed) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if ((c < 0x20 && !(c == '\t' && tabAllowed)) || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029'
                    || c == '\uFEFF' || c >= '\uFFFE') {
                return false;
            }
        }
        return true;
    }

    private boolean header(String line) {
        String[] kv = TagPackScalars.keyValue(line, 0);
        if (kv == null) {
            return false;
        }
        finishTag();
        inTags = false;
        if (kv[0].equals("tags")) {
            if (tags != null || !kv[1].isEmpty()) {
                return false;
            }
            tags = new ArrayList<>();
            inTags = true;
            return true;
        }
        return !kv[1].isEmpty() && pack.putIfAbsent(kv[0], kv[1]) == null;
    }

    private boolean itemStart(String line, int indent, int lineNo) {
        if (itemIndent < 0) {
            itemIndent = indent;
        }
        if (indent != itemIndent || line.length() < indent + 3 || line.charAt(indent + 1) != ' ') {
            return false;
        }
        finishTag();
        tag.start(lineNo);
        inTag = true;
        return field(TagPackScalars.keyValue(line, indent + 2));
    }

    private boolean itemField(String line, int indent) {
        return inTag && indent == itemIndent + 2 && field(TagPackScalars.keyValue(line, indent));
    }

    private boolean field(String[] kv) {
        return kv != null && !kv[1].isEmpty() && tag.set(kv[0], kv[1]);
    }

    private void finishTag() {
        if (inTag) {
            tags.add(tag.build());
            inTag = false;
        }
    }
}
