package io.whalewatch.adapter.notify.email;

import io.whalewatch.application.port.out.AlertNotifier;
import io.whalewatch.application.spi.AdapterContext;
import io.whalewatch.application.spi.AlertNotifierProvider;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Provides accuracy alerts by email ("email"). Settings: {@code SMTP_SERVER} (required),
 * {@code SMTP_PORT} (default 587), {@code SMTP_USERNAME}/{@code SMTP_PASSWORD} (both or neither;
 * authenticate when set), {@code ALERT_EMAIL_TO} (required, comma-separated),
 * {@code ALERT_EMAIL_FROM} (default {@code whalewatch@<hostname>}), {@code SMTP_STARTTLS} (default
 * true: upgrade when the server offers it), {@code SMTP_STARTTLS_REQUIRED} (default false: refuse
 * to send without TLS), {@code SMTP_SSL} (implicit TLS; default true only for port 465) and
 * {@code SMTP_TIMEOUT_SECONDS} (default 15). {@link #create} validates and builds the session but
 * does not connect; the created notifier is thread-safe.
 */
public final class EmailAlertNotifierProvider implements AlertNotifierProvider {
    private static final Logger LOG = LoggerFactory.getLogger(EmailAlertNotifierProvider.class);

    /** Public no-arg constructor for {@link java.util.ServiceLoader}; does no I/O. */
    public EmailAlertNotifierProvider() {
    }

    @Override
    public String name() {
        return "email";
    }

    @Override
    public AlertNotifier create(AdapterContext context) {
        String localHost = localHostName();
        EmailSettings settings = EmailSettings.from(context.config(), localHost);
        if (settings.authenticates() && settings.mayTravelInClear() && !isLoopback(settings.host)) {
            LOG.warn("SMTP credentials would be sent unencrypted if {} does not offer STARTTLS; "
                    + "set SMTP_STARTTLS_REQUIRED=true (or SMTP_SSL=true for port 465)", settings.host);
        }
        LOG.info("email notifier: {}", settings);
        return new EmailAlertNotifier(settings, SmtpSessions.create(settings, localHost), context.clock());
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
    }

    private static String localHostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return name == null || name.isBlank() ? "localhost" : name;
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
