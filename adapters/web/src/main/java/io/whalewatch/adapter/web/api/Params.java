package io.whalewatch.adapter.web.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;

/** Parses query parameters; every failure is a 400 naming the parameter and what is allowed. */
final class Params {
    private Params() {
    }

    static Optional<Instant> instant(ApiRequest r, String name) {
        return r.param(name).map(v -> {
            try {
                return v.endsWith("Z") || v.endsWith("z") ? Instant.parse(v.toUpperCase(java.util.Locale.ROOT))
                        : OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeParseException e) {
                throw ApiException.badParameter(name, "expected an ISO-8601 timestamp such as 2026-11-20T10:00:00Z");
            }
        });
    }

    static OptionalDouble number(ApiRequest r, String name, double min, double max) {
        Optional<String> v = r.param(name);
        if (v.isEmpty()) {
            return OptionalDouble.empty();
        }
        double d;
        try {
            d = Double.parseDouble(v.get());
        } catch (NumberFormatException e) {
            throw ApiException.badParameter(name, "expected a number");
        }
        if (!(d >= min && d <= max)) {
            throw ApiException.badParameter(name, "must be within " + min + ".." + max);
        }
        return OptionalDouble.of(d);
    }

    static int integer(ApiRequest r, String name, int fallback, int min, int max) {
        Optional<String> v = r.param(name);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            int i = Integer.parseInt(v.get());
            if (i >= min && i <= max) {
                return i;
            }
        } catch (NumberFormatException e) {
            // reported below with the allowed range
        }
        throw ApiException.badParameter(name, "expected an integer within " + min + ".." + max);
    }

    /** A comma-separated list, each item parsed by {@code parse} (which throws IllegalArgumentException when invalid). */
    static <T> Set<T> list(ApiRequest r, String name, Function<String, T> parse, String allowed) {
        Optional<String> v = r.param(name);
        if (v.isEmpty()) {
            return Set.of();
        }
        Set<T> items = new LinkedHashSet<>();
        for (String item : Arrays.stream(v.get().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList()) {
            try {
                items.add(parse.apply(item));
            } catch (IllegalArgumentException e) {
                throw ApiException.badParameter(name, "'" + item + "' is not allowed; expected " + allowed);
            }
        }
        return items;
    }

    /** One of {@code allowed}, in lower case; {@code fallback} when absent. */
    static String choice(ApiRequest r, String name, String fallback, Set<String> allowed) {
        String v = r.param(name).map(s -> s.toLowerCase(java.util.Locale.ROOT)).orElse(fallback);
        if (!allowed.contains(v)) {
            throw ApiException.badParameter(name, "expected one of " + allowed.stream().sorted().toList());
        }
        return v;
    }
}
