package io.whalewatch.adapter.notify.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.whalewatch.application.port.out.AlertNotifier;
import io.whalewatch.application.port.out.AlertNotifier.DeliveryException;
import io.whalewatch.application.spi.AdapterConfig;
import jakarta.mail.Session;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * STARTTLS and implicit TLS against a scripted server with a real TLS handshake. GreenMail 2.1.13
 * does not offer STARTTLS, hence the scripted server. The client trusts the throwaway certificate
 * through Angus' {@code ssl.socketFactory} session property, added to the production properties,
 * which also keep {@code ssl.checkserveridentity=true} (the certificate names 127.0.0.1).
 */
class StartTlsTest {
    @TempDir
    static Path dir;
    private static TestCertificates certificates;

    @BeforeAll
    static void makeCertificate() throws Exception {
        certificates = TestCertificates.create(dir);
    }

    private static AlertNotifier trusting(Map<String, String> settings, SSLContext trust, String protocol) {
        EmailSettings s = EmailSettings.from(AdapterConfig.of(settings), "client.test");
        Properties props = SmtpSessions.properties(s, "client.test");
        props.put("mail." + protocol + ".ssl.socketFactory", trust.getSocketFactory());
        return new EmailAlertNotifier(s, Session.getInstance(props), Fixtures.CLOCK);
    }

    @Test
    void upgradesWithStartTlsBeforeAuthenticating() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(certificates.server(), false)) {
            AlertNotifier notifier = trusting(Fixtures.settings(server.port()), certificates.clientTrustingIt(), "smtp");
            notifier.send("e-1", notifier.render(Fixtures.warning()));
            assertThat(server.lines()).filteredOn(l -> l.text().equals("STARTTLS")).singleElement()
                    .extracting(ScriptedSmtpServer.Line::tls).isEqualTo(false);
            assertThat(server.lines()).filteredOn(l -> l.text().startsWith("AUTH") || l.text().startsWith("MAIL"))
                    .isNotEmpty().allMatch(ScriptedSmtpServer.Line::tls);
            assertThat(server.bodies()).singleElement().asString().contains("72.5%");
        }
    }

    @Test
    void requiredStartTlsDeliversWhenOffered() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(certificates.server(), false)) {
            Map<String, String> settings = Fixtures.settings(server.port());
            settings.put("SMTP_STARTTLS_REQUIRED", "true");
            AlertNotifier notifier = trusting(settings, certificates.clientTrustingIt(), "smtp");
            notifier.send("e-1", notifier.render(Fixtures.critical()));
            assertThat(server.bodies()).hasSize(1);
            assertThat(server.lines()).filteredOn(l -> l.text().startsWith("RCPT")).allMatch(ScriptedSmtpServer.Line::tls);
        }
    }

    @Test
    void anUntrustedCertificateFailsPermanentlyAndNoCredentialsAreSent() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(certificates.server(), false)) {
            // The production session: default JDK trust store, which does not know the test certificate.
            AlertNotifier notifier = new EmailAlertNotifierProvider().create(Fixtures.context(Fixtures.settings(server.port())));
            assertThatThrownBy(() -> notifier.send("e-1", notifier.render(Fixtures.warning())))
                    .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.retryable()).isFalse())
                    .hasMessageContaining("TLS");
            assertThat(server.lines()).extracting(ScriptedSmtpServer.Line::text).noneMatch(l -> l.startsWith("AUTH"));
            assertThat(server.bodies()).isEmpty();
        }
    }

    @Test
    void implicitTlsOnSmtps() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(certificates.server(), true)) {
            Map<String, String> settings = Fixtures.settings(server.port());
            settings.put("SMTP_SSL", "true");
            AlertNotifier notifier = trusting(settings, certificates.clientTrustingIt(), "smtps");
            notifier.send("e-1", notifier.render(Fixtures.recovered()));
            assertThat(server.lines()).isNotEmpty().allMatch(ScriptedSmtpServer.Line::tls);
            assertThat(server.lines()).extracting(ScriptedSmtpServer.Line::text).doesNotContain("STARTTLS");
            assertThat(server.bodies()).singleElement().asString().contains("RECOVERED");
        }
    }
}
