package io.whalewatch.adapter.web.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque paging cursor: URL-safe base64 of {@code v1:<alert id>}, the last alert id of the page
 * (keyset paging). Opaque so that clients pass it back unchanged and the format may evolve.
 */
final class Cursor {
    private static final String PREFIX = "v1:";

    private Cursor() {
    }

    static String encode(long beforeAlertId) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + beforeAlertId).getBytes(StandardCharsets.US_ASCII));
    }

    /** The alert id to continue below; 400 naming {@code cursor} when it is not one of ours. */
    static long decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (text.startsWith(PREFIX)) {
                long id = Long.parseLong(text.substring(PREFIX.length()));
                if (id > 0) {
                    return id;
                }
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw ApiException.badParameter("cursor", "not a cursor from a previous page");
    }
}
