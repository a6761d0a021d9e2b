package io.whalewatch.adapter.notify.email;

import io.whalewatch.application.spi.AdapterConfig;
import io.whalewatch.application.spi.AdapterException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The SMTP settings, validated. A final class rather than a record so that no generated
 * {@code toString} can ever print the password. {@code ssl} means implicit TLS from the first
 * byte (SMTPS, port 465 by default) instead of STARTTLS.
 */
final class EmailSettings {
    static final String SERVER = "SMTP_SERVER";
    static final String PORT = "SMTP_PORT";
    static final String USERNAME = "SMTP_USERNAME";
    static final String PASSWORD = "SMTP_PASSWORD";
    static final String TO = "ALERT_EMAIL_TO";
    static final String FROM = "ALERT_EMAIL_FROM";
    static final String STARTTLS = "SMTP_STARTTLS";
    static final String STARTTLS_REQUIRED = "SMTP_STARTTLS_REQUIRED";
    static final String SSL = "SMTP_SSL";
    static final String TIMEOUT = "SMTP_TIMEOUT_SECONDS";
    static final int SMTPS_PORT = 465;

    final String host;
    final int port;
    final Optional<String> username;
    private final String password;
    final List<InternetAddress> to;
    final InternetAddress from;
    final boolean startTls;
    final boolean startTlsRequired;
    final boolean ssl;
    final Duration timeout;

    private EmailSettings(AdapterConfig c, String localHost) {
        host = c.require(SERVER);
        port = c.getInt(PORT, 587, 1, 65_535);
        username = c.find(USERNAME);
        password = c.find(PASSWORD).orElse(null);
        if (username.isPresent() != (password != null)) {
            throw new AdapterException(username.isPresent() ? PASSWORD + " is required when " + USERNAME + " is set"
                    : USERNAME + " is required when " + PASSWORD + " is set");
        }
        to = List.of(addresses(TO, c.require(TO)));
        from = addresses(FROM, c.get(FROM, "whalewatch@" + localHost))[0];
        startTls = c.getBoolean(STARTTLS, true);
        startTlsRequired = c.getBoolean(STARTTLS_REQUIRED, false);
        ssl = c.getBoolean(SSL, port == SMTPS_PORT);
        timeout = Duration.ofSeconds(c.getInt(TIMEOUT, 15, 1, 300));
        if (startTlsRequired && (!startTls || ssl)) {
            throw new AdapterException(STARTTLS_REQUIRED + "=true needs " + STARTTLS + "=true and " + SSL + "=false");
        }
    }

    static EmailSettings from(AdapterConfig config, String localHost) {
        return new EmailSettings(config, localHost);
    }

    private static InternetAddress[] addresses(String key, String value) {
        try {
            InternetAddress[] parsed = InternetAddress.parse(value, true);
            if (parsed.length == 0) {
                throw new AdapterException(key + " must list at least one email address");
            }
            for (InternetAddress a : parsed) {
                a.validate();
            }
            return parsed;
        } catch (AddressException e) {
            throw new AdapterException(key + "=" + value + " is not a valid address list: " + e.getMessage());
        }
    }

    boolean authenticates() {
        return username.isPresent();
    }

    /** Only the SMTP transport reads this, when it authenticates. */
    String password() {
        return password;
    }

    /** True when credentials or alerts could cross the network unencrypted. */
    boolean mayTravelInClear() {
        return !ssl && !startTlsRequired;
    }

    @Override
    public String toString() {
        return "EmailSettings[server=" + host + ":" + port + ", tls=" + (ssl ? "implicit" : startTlsRequired
                ? "starttls-required" : startTls ? "starttls-if-offered" : "off") + ", user=" + username.orElse("-")
                + ", to=" + to + ", from=" + from + ", timeout=" + timeout + "]";
    }
}
