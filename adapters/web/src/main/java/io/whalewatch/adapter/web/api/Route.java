package io.whalewatch.adapter.web.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One GET endpoint: a path pattern whose {@code {name}} segments are variables, who may call it, and
 * the resource method that answers.
 */
record Route(String pattern, Access access, Handler handler) {

    /** Who may call a route. */
    enum Access {
        /** No token needed; rate limited per remote address. */
        PUBLIC,
        /** No token and no rate limit: monitoring scrapes must never see a 429. */
        MONITORING,
        /** A token with the read permission; rate limited per client id. */
        READ
    }

    /** Answers a matched request. */
    @FunctionalInterface
    interface Handler {
        ApiResponse handle(ApiRequest request);
    }

    /** The path variables when {@code path} matches, in pattern order. */
    Optional<List<String>> match(String path) {
        String[] want = pattern.split("/", -1);
        String[] got = path.split("/", -1);
        if (want.length != got.length) {
            return Optional.empty();
        }
        List<String> variables = new ArrayList<>();
        for (int i = 0; i < want.length; i++) {
            if (want[i].startsWith("{") && !got[i].isEmpty()) {
                variables.add(got[i]);
            } else if (!want[i].equals(got[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(variables);
    }
}
