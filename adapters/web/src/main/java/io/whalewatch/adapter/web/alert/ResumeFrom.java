package io.whalewatch.adapter.web.alert;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads the {@code resume_from} alert id of an auth or subscribe message or of the upgrade URL. */
final class ResumeFrom {
    private static final String MESSAGE = "resume_from must be a non-negative integer alert id";

    private ResumeFrom() {
    }

    /** The resume_from field of a message, or null when absent. */
    static Long field(JsonNode msg) {
        JsonNode n = msg.get("resume_from");
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.canConvertToExactIntegral() || !n.canConvertToLong() || n.asLong() < 0) {
            throw new IllegalArgumentException(MESSAGE);
        }
        return n.asLong();
    }

    /** Parses resume_from given as text (query parameter). */
    static Long text(String text) {
        try {
            long v = Long.parseLong(text.trim());
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // falls through to the common message
        }
        throw new IllegalArgumentException(MESSAGE);
    }
}
