package io.whalewatch.adapter.notify.email;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A rendered mail: what the outbox stores and {@code send} parses back. Stored as a small JSON
 * document ({@code {"format":1,"subject":..,"text":..,"html":..}}) so a redelivery after a restart
 * sends exactly the mail that was rendered when the alert was raised.
 */
record EmailContent(String subject, String text, String html) {
    static final int FORMAT = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    String toJson() {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("format", FORMAT);
        node.put("subject", subject);
        node.put("text", text);
        node.put("html", html);
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
    }

    /**
     * Parses a stored payload.
     *
     * @throws IllegalArgumentException when it is not a payload this version can send
     */
    static EmailContent fromJson(String payload) {
        try {
            JsonNode node = MAPPER.readTree(payload);
            if (node == null || node.path("format").asInt() != FORMAT) {
                throw new IllegalArgumentException("not an email payload of format " + FORMAT);
            }
            return new EmailContent(required(node, "subject"), required(node, "text"), required(node, "html"));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("email payload is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("email payload lacks \"" + field + "\"");
        }
        return value.asText();
    }
}
