package io.whalewatch.adapter.notify.email;

import io.whalewatch.application.port.out.AlertNotifier;
import io.whalewatch.application.port.out.ComponentHealth;
import io.whalewatch.application.port.out.Notification;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Date;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends accuracy alerts as multipart/alternative mail (plain text first, HTML preferred by
 * capable clients). Whale alerts are not accepted: at dozens a day they would bury the accuracy
 * alerts. {@link #send} is one SMTP session; the {@link Session} is shared and thread-safe.
 */
final class EmailAlertNotifier implements AlertNotifier {
    private static final Logger LOG = LoggerFactory.getLogger(EmailAlertNotifier.class);

    private final EmailSettings settings;
    private final Session session;
    private final Clock clock;
    private final String target;
    private volatile String lastFailure;

    EmailAlertNotifier(EmailSettings settings, Session session, Clock clock) {
        this.settings = settings;
        this.session = session;
        this.clock = clock;
        this.target = settings.host + ":" + settings.port;
    }

    @Override
    public String channel() {
        return "email";
    }

    @Override
    public boolean accepts(Notification notification) {
        return notification instanceof Notification.AccuracyAlert;
    }

    @Override
    public String render(Notification notification) {
        if (notification instanceof Notification.AccuracyAlert alert) {
            return AccuracyMail.render(alert).toJson();
        }
        throw new IllegalArgumentException("the email channel renders accuracy alerts only, not "
                + notification.getClass().getSimpleName());
    }

    @Override
    public void send(String eventId, String payload) {
        EmailContent content;
        try {
            content = EmailContent.fromJson(payload);
        } catch (IllegalArgumentException e) {
            throw fail(new DeliveryException("cannot send event " + eventId + ": " + e.getMessage(), false, e));
        }
        try {
            transmit(message(eventId, content));
            lastFailure = null;
            LOG.debug("email {} sent via {} to {} recipient(s)", eventId, target, settings.to.size());
        } catch (MessagingException e) {
            throw fail(SmtpFailures.classify(target, e));
        }
    }

    private DeliveryException fail(DeliveryException e) {
        lastFailure = e.getMessage();
        return e;
    }

    MimeMessage message(String eventId, EmailContent content) throws MessagingException {
        MimeMessage m = new FixedIdMessage(session, MessageIds.of(eventId, settings.from));
        m.setFrom(settings.from);
        m.setRecipients(Message.RecipientType.TO, settings.to.toArray(new InternetAddress[0]));
        m.setSubject(content.subject(), StandardCharsets.UTF_8.name());
        m.setSentDate(Date.from(clock.instant()));
        // RFC 3834: tells vacation responders and ticket systems not to answer an automatic mail.
        m.setHeader("Auto-Submitted", "auto-generated");
        m.setHeader("X-Whalewatch-Event-Id", MessageIds.headerSafe(eventId));
        MimeBodyPart text = new MimeBodyPart();
        text.setText(content.text(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(content.html(), StandardCharsets.UTF_8.name(), "html");
        m.setContent(new MimeMultipart("alternative", text, html));
        m.saveChanges();
        return m;
    }

    private void transmit(MimeMessage message) throws MessagingException {
        try (Transport transport = session.getTransport(SmtpSessions.protocol(settings))) {
            if (settings.authenticates()) {
                transport.connect(settings.host, settings.port, settings.username.get(), settings.password());
            } else {
                transport.connect(settings.host, settings.port, null, null);
            }
            try {
                transport.sendMessage(message, message.getAllRecipients());
            } catch (SendFailedException e) {
                partial(e);
            }
        }
    }

    /**
     * Some recipients refused, others accepted: the mail went out, so this counts as delivered (a
     * retry would duplicate it for those who got it); the refused addresses are logged for the
     * operator to fix. When nobody got it, the failure stands.
     */
    private static void partial(SendFailedException e) throws SendFailedException {
        Address[] sent = e.getValidSentAddresses();
        if (sent == null || sent.length == 0) {
            throw e;
        }
        Exception reason = e.getNextException() != null ? e.getNextException() : e;
        LOG.warn("alert mail sent to {} but refused for {}: {}", Arrays.toString(sent),
                Arrays.toString(e.getInvalidAddresses()), String.valueOf(reason.getMessage()).strip());
    }

    @Override
    public ComponentHealth health() {
        String failure = lastFailure;
        return failure == null ? ComponentHealth.ok(channel()) : ComponentHealth.degraded("last attempt failed: " + failure);
    }
}
