package io.whalewatch.adapter.web.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.whalewatch.domain.prediction.Prediction;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collection;

/** The server's messages as JSON text. Built from trees: no reflection on our types, no opens. */
final class AlertJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private AlertJson() {
    }

    static String iso(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.MILLIS));
    }

    /** {@code {"type":"whale_alert","data":{...},"timestamp":...}}. */
    static String alert(Prediction p, Instant now) {
        return envelope("whale_alert", AlertFields.of(p), now);
    }

    static String envelope(String type, JsonNode data, Instant now) {
        ObjectNode msg = MAPPER.createObjectNode();
        msg.put("type", type);
        msg.set("data", data);
        msg.put("timestamp", iso(now));
        return write(msg);
    }

    static String error(String message) {
        ObjectNode msg = MAPPER.createObjectNode();
        msg.put("type", "error");
        msg.put("message", message);
        return write(msg);
    }

    static String pong(Instant now) {
        ObjectNode msg = MAPPER.createObjectNode();
        msg.put("type", "pong");
        msg.put("timestamp", iso(now));
        return write(msg);
    }

    static void strings(ArrayNode array, Collection<String> values) {
        values.forEach(array::add);
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
    }
}
