package io.whalewatch.adapter.notify.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.whalewatch.application.spi.AdapterConfig;
import io.whalewatch.application.spi.AdapterException;
import io.whalewatch.application.spi.AlertNotifierProvider;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Discovery, defaults and start-up validation: every refusal names the setting at fault. */
class EmailProviderTest {

    @Test
    void serviceLoaderFindsTheEmailProvider() {
        assertThat(ServiceLoader.load(AlertNotifierProvider.class).stream().map(ServiceLoader.Provider::get))
                .filteredOn(p -> p.name().equals("email"))
                .singleElement().isInstanceOf(EmailAlertNotifierProvider.class);
    }

    @Test
    void defaultsFollowTheGuide() {
        EmailSettings s = EmailSettings.from(AdapterConfig.of(Map.of("SMTP_SERVER", "smtp.example.com",
                "ALERT_EMAIL_TO", "ops@example.com")), "host.example");
        assertThat(s.port).isEqualTo(587);
        assertThat(s.authenticates()).isFalse();
        assertThat(s.from.getAddress()).isEqualTo("whalewatch@host.example");
        assertThat(s.startTls).isTrue();
        assertThat(s.startTlsRequired).isFalse();
        assertThat(s.ssl).isFalse();
        assertThat(s.timeout).hasSeconds(15);
        Properties p = SmtpSessions.properties(s, "host.example");
        assertThat(p).containsEntry("mail.smtp.starttls.enable", "true").containsEntry("mail.smtp.auth", "false")
                .containsEntry("mail.smtp.ssl.checkserveridentity", "true").containsEntry("mail.smtp.timeout", "15000")
                .containsEntry("mail.smtp.connectiontimeout", "15000").containsEntry("mail.smtp.port", "587");
    }

    @Test
    void port465MeansImplicitTls() {
        EmailSettings s = EmailSettings.from(AdapterConfig.of(Map.of("SMTP_SERVER", "smtp.example.com",
                "SMTP_PORT", "465", "ALERT_EMAIL_TO", "ops@example.com")), "h");
        assertThat(s.ssl).isTrue();
        assertThat(SmtpSessions.protocol(s)).isEqualTo("smtps");
        assertThat(SmtpSessions.properties(s, "h")).containsEntry("mail.smtps.port", "465")
                .containsEntry("mail.smtps.starttls.enable", "false");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "SMTP_SERVER|''|SMTP_SERVER is required",
            "ALERT_EMAIL_TO|''|ALERT_EMAIL_TO is required",
            "ALERT_EMAIL_TO|not an address|ALERT_EMAIL_TO=not an address is not a valid address list",
            "ALERT_EMAIL_TO|a@example.com,,b@|ALERT_EMAIL_TO=",
            "ALERT_EMAIL_FROM|whalewatch@|ALERT_EMAIL_FROM=whalewatch@ is not a valid address",
            "SMTP_PORT|0|SMTP_PORT=0 is out of range",
            "SMTP_PORT|smtp|SMTP_PORT=smtp is not an integer",
            "SMTP_PASSWORD|''|SMTP_PASSWORD is required when SMTP_USERNAME is set",
            "SMTP_USERNAME|''|SMTP_USERNAME is required when SMTP_PASSWORD is set",
            "SMTP_STARTTLS|sometimes|SMTP_STARTTLS=sometimes is not a boolean",
            "SMTP_TIMEOUT_SECONDS|0|SMTP_TIMEOUT_SECONDS=0 is out of range"})
    void refusesInvalidSettingsNamingTheKey(String key, String value, String message) {
        Map<String, String> settings = Fixtures.settings(2525);
        settings.put(key, value);
        assertThatThrownBy(() -> new EmailAlertNotifierProvider().create(Fixtures.context(settings)))
                .isInstanceOf(AdapterException.class).hasMessageContaining(message)
                .hasMessageNotContaining(Fixtures.PASSWORD);
    }

    @Test
    void requiredStartTlsCannotBeCombinedWithItsOpposites() {
        Map<String, String> settings = Fixtures.settings(2525);
        settings.put("SMTP_STARTTLS_REQUIRED", "true");
        settings.put("SMTP_STARTTLS", "false");
        assertThatThrownBy(() -> new EmailAlertNotifierProvider().create(Fixtures.context(settings)))
                .isInstanceOf(AdapterException.class).hasMessageContaining("SMTP_STARTTLS_REQUIRED=true needs");
    }

    @Test
    void settingsNeverPrintThePassword() {
        EmailSettings s = EmailSettings.from(AdapterConfig.of(Fixtures.settings(2525)), "h");
        assertThat(s.toString()).doesNotContain(Fixtures.PASSWORD).contains("user=alerts", "127.0.0.1:2525");
    }
}
