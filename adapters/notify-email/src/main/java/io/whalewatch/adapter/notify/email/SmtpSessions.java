package io.whalewatch.adapter.notify.email;

import jakarta.mail.Session;
import java.util.Properties;

/** Builds the Jakarta Mail session for the settings: TLS mode, authentication and timeouts. */
final class SmtpSessions {
    private SmtpSessions() {
    }

    /** "smtps" for implicit TLS, otherwise "smtp" (plain, upgraded by STARTTLS when configured). */
    static String protocol(EmailSettings s) {
        return s.ssl ? "smtps" : "smtp";
    }

    static Session create(EmailSettings s, String localHost) {
        return Session.getInstance(properties(s, localHost));
    }

    static Properties properties(EmailSettings s, String localHost) {
        String p = "mail." + protocol(s) + ".";
        Properties props = new Properties();
        props.setProperty("mail.transport.protocol", protocol(s));
        props.setProperty(p + "host", s.host);
        props.setProperty(p + "port", Integer.toString(s.port));
        props.setProperty(p + "auth", Boolean.toString(s.authenticates()));
        props.setProperty(p + "starttls.enable", Boolean.toString(s.startTls && !s.ssl));
        props.setProperty(p + "starttls.required", Boolean.toString(s.startTlsRequired));
        // Check that the certificate names the host we meant (not on by default in Jakarta Mail).
        props.setProperty(p + "ssl.checkserveridentity", "true");
        String millis = Long.toString(s.timeout.toMillis());
        props.setProperty(p + "connectiontimeout", millis);
        props.setProperty(p + "timeout", millis);
        props.setProperty(p + "writetimeout", millis);
        props.setProperty(p + "from", s.from.getAddress());
        // One mistyped address in ALERT_EMAIL_TO must not silence the alert for everyone else.
        props.setProperty(p + "sendpartial", "true");
        // The EHLO name; set explicitly so a container without a resolvable hostname still works.
        props.setProperty(p + "localhost", localHost);
        return props;
    }
}
