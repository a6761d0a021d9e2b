package io.whalewatch.adapter.web.http;

import org.glassfish.grizzly.http.server.ErrorPageGenerator;
import org.glassfish.grizzly.http.server.Request;

/**
 * Replaces Grizzly's HTML error pages, which print the exception and its stack trace, with a
 * JSON body that names only the HTTP status.
 */
public final class JsonErrorPages implements ErrorPageGenerator {
    @Override
    public String generate(Request request, int status, String reasonPhrase, String description, Throwable exception) {
        request.getResponse().setContentType("application/json");
        String phrase = reasonPhrase == null || reasonPhrase.isBlank() ? "error" : reasonPhrase.toLowerCase(java.util.Locale.ROOT);
        return JsonResponses.error(phrase);
    }
}
