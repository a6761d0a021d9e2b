package io.whalewatch.application.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Issues and verifies the bearer tokens clients present to the alert WebSocket and the API.
 * Thread-safe.
 */
public interface AccessTokens {
    /** A signed token for {@code clientId} with these permissions, valid for {@code validity}. */
    String issue(String clientId, Set<Permission> permissions, Duration validity);

    /**
     * Verifies signature, algorithm and time claims.
     *
     * @throws InvalidTokenException with a client-safe reason when the token is not acceptable
     */
    ClientPrincipal verify(String token);

    /** What a token allows. */
    enum Permission {
        READ, WRITE, ADMIN;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A verified client. */
    record ClientPrincipal(String clientId, Set<Permission> permissions, Instant expiresAt) {
        public ClientPrincipal {
            permissions = Set.copyOf(permissions);
        }

        public boolean has(Permission p) {
            return permissions.contains(p);
        }
    }

    /** A token was refused; the message is safe to show to the client. */
    class InvalidTokenException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public InvalidTokenException(String message) {
            super(message);
        }
    }
}
