package io.whalewatch.adapter.notify.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.whalewatch.application.port.out.AlertNotifier;
import io.whalewatch.application.port.out.AlertNotifier.DeliveryException;
import io.whalewatch.application.port.out.Notification.AccuracyAlert;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The email notifier against GreenMail's SMTP server on a free loopback port, with an auth user. */
class EmailDeliveryTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("ops@example.com", Fixtures.USER, Fixtures.PASSWORD));

    private AlertNotifier notifier(Map<String, String> extra) {
        Map<String, String> settings = Fixtures.settings(MAIL.getSmtp().getPort());
        settings.putAll(extra);
        return new EmailAlertNotifierProvider().create(Fixtures.context(settings));
    }

    private MimeMessage deliver(AccuracyAlert alert) throws Exception {
        AlertNotifier notifier = notifier(Map.of());
        notifier.send(alert.eventId(), notifier.render(alert));
        assertThat(MAIL.waitForIncomingEmail(5_000, 1)).isTrue();
        return MAIL.getReceivedMessages()[0];
    }

    @Test
    void warningMailHasSubjectBothPartsAndTheFigures() throws Exception {
        MimeMessage m = deliver(Fixtures.warning());
        assertThat(m.getSubject()).isEqualTo("[whalewatch] WARNING: prediction accuracy 72.5% over 24h (threshold 75%)");
        assertThat(m.getFrom()[0].toString()).isEqualTo("whalewatch@example.org");
        assertThat(m.getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo("ops@example.com");
        assertThat(m.getMessageID()).isEqualTo("<acc-24h-warning-1.whalewatch@example.org>");
        assertThat(m.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
        assertThat(m.getSentDate().toInstant()).isEqualTo(Fixtures.CLOCK.instant());
        assertThat(m.getContentType()).startsWith("multipart/alternative");
        String text = part(m, "text/plain");
        String html = part(m, "text/html");
        for (String body : new String[] {text, html}) {
            assertThat(body).contains("72.5%", "75%", "10.0%", "40 resolved predictions", "24h", "the last 24 hours",
                    "2.5 percentage points below", "2026-11-22T12:00:00Z", "RBF replacements", "GET /health",
                    "address book", "fee-market volatility");
        }
        assertThat(text).contains("Accurate:             29", "Dropped:              4", "What to check:");
        assertThat(html).contains("<th style=\"text-align:left;padding:2px 12px 2px 0\">Accurate</th><td>29</td>",
                "<th style=\"text-align:left;padding:2px 12px 2px 0\">Dropped</th><td>4</td>");
    }

    @Test
    void criticalMailNamesTheCriticalThreshold() throws Exception {
        MimeMessage m = deliver(Fixtures.critical());
        assertThat(m.getSubject()).isEqualTo("[whalewatch] CRITICAL: prediction accuracy 68.0% over 24h (threshold 70%)");
        assertThat(part(m, "text/plain")).contains("CRITICAL: only 68.0% of resolved predictions over the last 24 hours were accurate",
                "2.0 percentage points below the critical threshold of 70%", "18.0%", "Accurate:             34",
                "Dropped:              9");
        assertThat(part(m, "text/html")).contains("Prediction accuracy CRITICAL", "68.0%");
    }

    @Test
    void recoveryMailSaysItRecovered() throws Exception {
        MimeMessage m = deliver(Fixtures.recovered());
        assertThat(m.getSubject()).isEqualTo("[whalewatch] RECOVERED: prediction accuracy 78.0% over 1h (threshold 75%)");
        String text = part(m, "text/plain");
        assertThat(text).contains("Prediction accuracy has recovered: 78.0%", "the last hour",
                "3.0 percentage points above the warning threshold of 75%", "No action is needed")
                .doesNotContain("What to check");
        assertThat(part(m, "text/html")).contains("has recovered", "No action is needed").doesNotContain("What to check");
    }

    @Test
    void everyListedRecipientReceivesIt() throws Exception {
        AlertNotifier notifier = notifier(Map.of("ALERT_EMAIL_TO", "ops@example.com, Oncall <oncall@example.net>"));
        notifier.send("e-1", notifier.render(Fixtures.warning()));
        assertThat(MAIL.waitForIncomingEmail(5_000, 2)).isTrue();
        // GreenMail stores one copy per envelope recipient (RCPT TO); each shows both in To.
        assertThat(MAIL.getReceivedMessages()).hasSize(2);
        assertThat(MAIL.getReceivedMessages()[0].getRecipients(Message.RecipientType.TO))
                .extracting(Object::toString).containsExactly("ops@example.com", "Oncall <oncall@example.net>");
    }

    @Test
    void aRedeliveryCarriesTheSameMessageIdAndContent() throws Exception {
        AlertNotifier notifier = notifier(Map.of());
        String payload = notifier.render(Fixtures.warning());
        notifier.send("acc-24h-warning-1", payload);
        notifier.send("acc-24h-warning-1", payload);
        assertThat(MAIL.waitForIncomingEmail(5_000, 2)).isTrue();
        MimeMessage[] received = MAIL.getReceivedMessages();
        assertThat(received[0].getMessageID()).isEqualTo(received[1].getMessageID());
        assertThat(part(received[0], "text/plain")).isEqualTo(part(received[1], "text/plain"));
    }

    @Test
    void aWrongPasswordIsNotRetryable() {
        AlertNotifier notifier = notifier(Map.of("SMTP_PASSWORD", "wrong-password"));
        assertThatThrownBy(() -> notifier.send("e-1", notifier.render(Fixtures.warning())))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("authentication failed").hasMessageNotContaining("wrong-password");
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void opportunisticStartTlsStillDeliversWhenTheServerDoesNotOfferIt() throws Exception {
        // GreenMail 2.1.13's SMTP server does not advertise STARTTLS: with the default
        // (SMTP_STARTTLS=true, not required) the mail goes out in plain text.
        AlertNotifier notifier = notifier(Map.of("SMTP_STARTTLS", "true"));
        notifier.send("e-1", notifier.render(Fixtures.warning()));
        assertThat(MAIL.waitForIncomingEmail(5_000, 1)).isTrue();
    }

    @Test
    void requiredStartTlsRefusesAServerWithoutIt() {
        AlertNotifier notifier = notifier(Map.of("SMTP_STARTTLS_REQUIRED", "true"));
        assertThatThrownBy(() -> notifier.send("e-1", notifier.render(Fixtures.warning())))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("STARTTLS");
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void aPortWithoutServerIsRetryable() throws Exception {
        AlertNotifier notifier = notifier(Map.of("SMTP_PORT", Integer.toString(Fixtures.closedPort())));
        assertThatThrownBy(() -> notifier.send("e-1", notifier.render(Fixtures.warning())))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.retryable()).isTrue())
                .hasMessageContaining("cannot reach SMTP server 127.0.0.1:");
        assertThat(notifier.health().level()).isEqualTo(io.whalewatch.application.port.out.ComponentHealth.Level.DEGRADED);
    }

    static String part(Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) part.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                String found = part(mp.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
