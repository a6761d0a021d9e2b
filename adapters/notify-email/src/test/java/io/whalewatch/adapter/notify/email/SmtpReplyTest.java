package io.whalewatch.adapter.notify.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.whalewatch.application.port.out.AlertNotifier;
import io.whalewatch.application.port.out.AlertNotifier.DeliveryException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Retry decisions against real SMTP replies from a scripted server: 4xx transient, 5xx permanent. */
class SmtpReplyTest {
    private ScriptedSmtpServer server;

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedSmtpServer();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private AlertNotifier notifier(Map<String, String> extra) {
        Map<String, String> settings = Fixtures.settings(server.port());
        settings.putAll(extra);
        return new EmailAlertNotifierProvider().create(Fixtures.context(settings));
    }

    private DeliveryException attempt(AlertNotifier notifier) {
        try {
            notifier.send("e-1", notifier.render(Fixtures.warning()));
        } catch (DeliveryException e) {
            return e;
        }
        throw new AssertionError("the attempt did not fail");
    }

    @Test
    void theScriptedServerAcceptsAGoodDialogue() {
        AlertNotifier notifier = notifier(Map.of());
        notifier.send("e-1", notifier.render(Fixtures.warning()));
        assertThat(server.bodies()).singleElement().asString()
                .contains("Subject: [whalewatch] WARNING: prediction accuracy 72.5% over 24h")
                .contains("Message-ID: <e-1.whalewatch@example.org>");
        assertThat(server.lines()).extracting(ScriptedSmtpServer.Line::text)
                .contains("MAIL FROM:<whalewatch@example.org>", "RCPT TO:<ops@example.com>");
    }

    @ParameterizedTest(name = "{0} {1} -> retryable={2}")
    @CsvSource({
            "RCPT, '550 5.1.1 no such user', false",
            "RCPT, '553 5.1.3 bad address syntax', false",
            "RCPT, '451 4.3.0 greylisted, try later', true",
            "RCPT, '452 4.2.2 mailbox full', true",
            "MAIL, '421 4.7.0 too many connections', true",
            "MAIL, '550 5.7.1 relaying denied', false",
            "END_OF_DATA, '554 5.6.0 message refused', false",
            "END_OF_DATA, '450 4.2.0 try again', true",
            "GREETING, '421 4.3.2 service not available', true",
            "GREETING, '554 5.3.2 no service for you', false"})
    void replyClassesDecideRetries(String verb, String reply, boolean retryable) {
        server.reply(verb, reply);
        DeliveryException e = attempt(notifier(Map.of()));
        assertThat(e.retryable()).as(e.getMessage()).isEqualTo(retryable);
        assertThat(e.getMessage()).contains(reply.substring(0, 3)).doesNotContain(Fixtures.PASSWORD);
        assertThat(server.bodies()).isEmpty();
    }

    @Test
    void oneRefusedRecipientDoesNotStopTheOthers() {
        server.reply("RCPT TO:<typo@example.con>", "550 5.1.1 no such user");
        AlertNotifier notifier = notifier(Map.of("ALERT_EMAIL_TO", "ops@example.com, typo@example.con"));
        notifier.send("e-1", notifier.render(Fixtures.warning()));
        assertThat(server.bodies()).hasSize(1);
        assertThat(server.lines()).extracting(ScriptedSmtpServer.Line::text)
                .contains("RCPT TO:<ops@example.com>", "RCPT TO:<typo@example.con>");
    }

    @Test
    void allRecipientsRefusedIsAPermanentFailure() {
        server.reply("RCPT", "550 5.1.1 no such user");
        AlertNotifier notifier = notifier(Map.of("ALERT_EMAIL_TO", "a@example.com, b@example.com"));
        DeliveryException e = attempt(notifier);
        assertThat(e.retryable()).as(e.getMessage()).isFalse();
        assertThat(server.bodies()).isEmpty();
    }

    @Test
    void rejectedCredentialsAreNotRetryable() {
        server.reply("AUTH", "535 5.7.8 authentication credentials invalid");
        DeliveryException e = attempt(notifier(Map.of()));
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("authentication failed").doesNotContain(Fixtures.PASSWORD);
    }

    @Test
    void noAuthenticationWithoutCredentials() {
        Map<String, String> settings = Fixtures.settings(server.port());
        settings.remove("SMTP_USERNAME");
        settings.remove("SMTP_PASSWORD");
        AlertNotifier notifier = new EmailAlertNotifierProvider().create(Fixtures.context(settings));
        notifier.send("e-1", notifier.render(Fixtures.warning()));
        assertThat(server.lines()).extracting(ScriptedSmtpServer.Line::text).noneMatch(l -> l.startsWith("AUTH"));
        assertThat(server.bodies()).hasSize(1);
    }

    @Test
    void aServerThatNeverAnswersTimesOutRetryably() {
        server.silent();
        long started = System.nanoTime();
        DeliveryException e = attempt(notifier(Map.of("SMTP_TIMEOUT_SECONDS", "1")));
        assertThat(e.retryable()).as(e.getMessage()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }
}
