package io.whalewatch.adapter.notify.email;

import jakarta.mail.internet.InternetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Message-IDs derived from the event id, so a redelivered alert carries the same Message-ID and
 * mail clients and archives can recognise the duplicate.
 */
final class MessageIds {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,120}");

    private MessageIds() {
    }

    /** {@code <eventId.whalewatch@from-domain>}; an id with other characters is replaced by its hash. */
    static String of(String eventId, InternetAddress from) {
        String address = from.getAddress();
        String domain = address.substring(address.lastIndexOf('@') + 1);
        return "<" + headerSafe(eventId) + ".whalewatch@" + domain + ">";
    }

    /** The id itself when it is a safe atom, otherwise a stable SHA-256 prefix of it. */
    static String headerSafe(String eventId) {
        if (SAFE.matcher(eventId).matches() && !eventId.startsWith(".") && !eventId.endsWith(".")
                && !eventId.contains("..")) {
            return eventId;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(eventId.getBytes(StandardCharsets.UTF_8));
            return "h" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
