package io.whalewatch.adapter.notify.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.whalewatch.application.port.out.AlertNotifier;
import io.whalewatch.application.port.out.AlertNotifier.DeliveryException;
import io.whalewatch.application.port.out.Notification.AccuracyAlert;
import io.whalewatch.application.port.out.Notification.Level;
import io.whalewatch.application.port.out.Notification.WhaleAlert;
import io.whalewatch.domain.accuracy.AccuracyWindow;
import io.whalewatch.domain.accuracy.OutcomeCounts;
import io.whalewatch.testkit.Predictions;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stored payload: subject, text and HTML, deterministic and safely escaped; what the channel accepts. */
class EmailRenderTest {
    private final AlertNotifier notifier = new EmailAlertNotifierProvider().create(Fixtures.context(Fixtures.settings(2525)));

    @Test
    void payloadIsAJsonDocumentWithSubjectTextAndHtml() {
        EmailContent content = EmailContent.fromJson(notifier.render(Fixtures.critical()));
        assertThat(content.subject()).isEqualTo("[whalewatch] CRITICAL: prediction accuracy 68.0% over 24h (threshold 70%)");
        assertThat(content.text()).startsWith("CRITICAL: only 68.0% of resolved predictions over the last 24 hours");
        assertThat(content.html()).startsWith("<!DOCTYPE html>").contains("<h3>What to check</h3>");
        assertThat(notifier.render(Fixtures.critical())).startsWith("{\"format\":1,\"subject\":\"[whalewatch] CRITICAL");
    }

    @Test
    void renderingIsDeterministicAndLocaleIndependent() {
        String first = notifier.render(Fixtures.warning());
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(notifier.render(Fixtures.warning())).isEqualTo(first).contains("72.5%").doesNotContain("72,5%");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void everythingInsertedIntoHtmlIsEscaped() {
        AccuracyAlert hostile = new AccuracyAlert("<script>alert('x')</script>&", Fixtures.AT, Level.WARNING,
                Fixtures.warning().report(), 0.75);
        EmailContent content = EmailContent.fromJson(notifier.render(hostile));
        assertThat(content.html()).doesNotContain("<script>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;");
        assertThat(content.text()).contains("<script>alert('x')</script>&");
        assertThat(AccuracyMailHtml.escape("a\"b<c>&'")).isEqualTo("a&quot;b&lt;c&gt;&amp;&#39;");
    }

    @Test
    void thresholdsAndTooSmallSamplesReadNaturally() {
        AccuracyAlert odd = Fixtures.alert("e", Level.WARNING, AccuracyWindow.LAST_WEEK, new OutcomeCounts(3, 1, 1), 0.725);
        EmailContent content = EmailContent.fromJson(notifier.render(odd));
        assertThat(content.subject()).isEqualTo("[whalewatch] WARNING: prediction accuracy n/a over 7d (threshold 72.5%)");
        assertThat(content.text()).contains("3 resolved predictions (minimum 20)", "the last 7 days");
    }

    @Test
    void onlyAccuracyAlertsAreAccepted() {
        WhaleAlert whale = new WhaleAlert("whale-1", Fixtures.AT, Predictions.inflow(1, 500));
        assertThat(notifier.channel()).isEqualTo("email");
        assertThat(notifier.accepts(Fixtures.warning())).isTrue();
        assertThat(notifier.accepts(Fixtures.recovered())).isTrue();
        assertThat(notifier.accepts(whale)).isFalse();
        assertThatThrownBy(() -> notifier.render(whale)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPayloadThatIsNotOursIsNotRetryable() {
        for (String bad : new String[] {"not json", "{\"format\":2,\"subject\":\"s\",\"text\":\"t\",\"html\":\"h\"}",
                "{\"format\":1,\"subject\":\"s\"}"}) {
            assertThatThrownBy(() -> notifier.send("e-1", bad))
                    .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.retryable()).isFalse());
        }
    }

    @Test
    void messageIdsComeFromTheEventIdAndStayValid() throws Exception {
        var from = new jakarta.mail.internet.InternetAddress("whalewatch@example.org");
        assertThat(MessageIds.of("acc-24h-warning-1", from)).isEqualTo("<acc-24h-warning-1.whalewatch@example.org>");
        assertThat(MessageIds.of("bad id\r\n<x>", from)).matches("<h[0-9a-f]{32}\\.whalewatch@example\\.org>")
                .isEqualTo(MessageIds.of("bad id\r\n<x>", from));
    }

    @Test
    void unusedSettingsHaveNoEffectOnRendering() {
        AlertNotifier other = new EmailAlertNotifierProvider().create(Fixtures.context(
                new java.util.HashMap<>(Map.of("SMTP_SERVER", "mail.example.com", "ALERT_EMAIL_TO", "x@example.com"))));
        assertThat(other.render(Fixtures.recovered())).isEqualTo(notifier.render(Fixtures.recovered()));
    }
}
