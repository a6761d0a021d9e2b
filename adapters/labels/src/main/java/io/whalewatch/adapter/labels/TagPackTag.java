package io.whalewatch.adapter.labels;

import java.util.List;
import java.util.Map;

/**
 * One TagPack tag as written; null fields inherit the pack's value.
 *
 * @param line the line of the tag's first key, for error messages
 */
record TagPackTag(String address, String currency, String actor, String label, String category, int line) {

    /** A parsed TagPack: the pack-level scalar fields and the tags in file order. */
    record Document(Map<String, String> pack, List<TagPackTag> tags) {
    }

    /** Collects one tag's fields; repeated values share one String through {@code shared}. */
    static final class Builder {
        private final Map<String, String> shared;
        private String address;
        private String currency;
        private String actor;
        private String label;
        private String category;
        private int line;

        Builder(Map<String, String> shared) {
            this.shared = shared;
        }

        void start(int line) {
            this.line = line;
            address = null;
            currency = null;
            actor = null;
            label = null;
            category = null;
        }

        /** Sets a field; false when a known field is given twice (left to the full parser). */
        boolean set(String key, String value) {
            String v = value == null || key.equals("address") ? value : shared.computeIfAbsent(value, x -> x);
            String before;
            switch (key) {
                case "address" -> { before = address; address = v; }
                case "currency" -> { before = currency; currency = v; }
                case "actor" -> { before = actor; actor = v; }
                case "label" -> { before = label; label = v; }
                case "category" -> { before = category; category = v; }
                default -> before = null;
            }
            return before == null;
        }

        TagPackTag build() {
            return new TagPackTag(address, currency, actor, label, category, line);
        }
    }
}
