package io.whalewatch.adapter.web.api;

import io.whalewatch.application.port.out.AccessTokens.ClientPrincipal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a resource sees of a request: the path variables, the query parameters and the client.
 * Only the parameters a route declares are accepted; an unknown one is a 400, so that a typo such as
 * {@code min_btcc} is reported instead of silently returning everything.
 */
record ApiRequest(List<String> pathVariables, Map<String, String[]> query, Optional<ClientPrincipal> principal, String host) {

    /** The single value of {@code name}, if given and not blank. */
    Optional<String> param(String name) {
        String[] values = query.get(name);
        if (values == null || values.length == 0) {
            return Optional.empty();
        }
        if (values.length > 1) {
            throw ApiException.badParameter(name, "given more than once; use a comma-separated list");
        }
        return Optional.of(values[0].trim()).filter(v -> !v.isEmpty());
    }

    void allowOnly(Set<String> names) {
        for (String name : query.keySet()) {
            if (!names.contains(name)) {
                throw ApiException.badParameter(name, "unknown parameter; allowed: " + names.stream().sorted().toList());
            }
        }
    }
}
