package io.whalewatch.adapter.publish.redis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/** Typed, strict reads of one JSON message; every error names the field. */
final class Fields {
    private final JsonNode json;

    Fields(JsonNode json) {
        this.json = json;
    }

    static String iso(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t);
    }

    static void putOptional(ObjectNode json, String name, OptionalDouble value) {
        if (value.isPresent()) {
            json.put(name, value.getAsDouble());
        } else {
            json.putNull(name);
        }
    }

    boolean isNull(String name) {
        JsonNode v = json.get(name);
        return v == null || v.isNull();
    }

    private JsonNode required(String name) {
        if (isNull(name)) {
            throw new IllegalArgumentException(name + ": missing");
        }
        return json.get(name);
    }

    String text(String name) {
        JsonNode v = required(name);
        if (!v.isTextual()) {
            throw new IllegalArgumentException(name + ": expected a string");
        }
        return v.textValue();
    }

    long longValue(String name) {
        JsonNode v = required(name);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new IllegalArgumentException(name + ": expected an integer");
        }
        return v.longValue();
    }

    int intValue(String name) {
        JsonNode v = required(name);
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new IllegalArgumentException(name + ": expected a 32-bit integer");
        }
        return v.intValue();
    }

    double doubleValue(String name) {
        JsonNode v = required(name);
        if (!v.isNumber()) {
            throw new IllegalArgumentException(name + ": expected a number");
        }
        return v.doubleValue();
    }

    OptionalDouble optionalDouble(String name) {
        return isNull(name) ? OptionalDouble.empty() : OptionalDouble.of(doubleValue(name));
    }

    boolean bool(String name) {
        JsonNode v = required(name);
        if (!v.isBoolean()) {
            throw new IllegalArgumentException(name + ": expected true or false");
        }
        return v.booleanValue();
    }

    Instant instant(String name) {
        try {
            return Instant.parse(text(name));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + ": expected an ISO-8601 instant", e);
        }
    }

    List<String> strings(String name) {
        JsonNode v = required(name);
        if (!v.isArray()) {
            throw new IllegalArgumentException(name + ": expected an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isTextual()) {
                throw new IllegalArgumentException(name + ": expected an array of strings");
            }
            out.add(item.textValue());
        }
        return out;
    }
}
