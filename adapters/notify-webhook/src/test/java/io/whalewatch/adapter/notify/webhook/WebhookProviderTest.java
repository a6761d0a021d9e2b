package io.whalewatch.adapter.notify.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.whalewatch.application.spi.AdapterException;
import io.whalewatch.application.spi.AlertNotifierProvider;
import java.time.Clock;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Discovery and start-up validation: every refusal names the setting at fault and never the secret. */
class WebhookProviderTest {

    @Test
    void serviceLoaderFindsTheWebhookProvider() {
        assertThat(ServiceLoader.load(AlertNotifierProvider.class).stream().map(ServiceLoader.Provider::get))
                .filteredOn(p -> p.name().equals("webhook"))
                .singleElement().isInstanceOf(WebhookAlertNotifierProvider.class);
    }

    @Test
    void createsWithDefaults() {
        var notifier = new WebhookAlertNotifierProvider().create(
                Fixtures.context(Fixtures.settings("https://hooks.example.com/x"), Clock.systemUTC()));
        assertThat(notifier.channel()).isEqualTo("webhook");
        assertThat(notifier.accepts(Fixtures.whale())).isFalse();
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "WEBHOOK_URL|''|WEBHOOK_URL is required",
            "WEBHOOK_URL|ftp://example.com/x|WEBHOOK_URL must be an absolute http",
            "WEBHOOK_URL|/relative/path|WEBHOOK_URL must be an absolute http",
            "WEBHOOK_URL|http://exa mple.com/|WEBHOOK_URL is not a valid URL",
            "WEBHOOK_SECRET|''|WEBHOOK_SECRET is required",
            "WEBHOOK_SECRET|short-secret|WEBHOOK_SECRET is too short: at least 16 bytes",
            "WEBHOOK_TIMEOUT_SECONDS|0|WEBHOOK_TIMEOUT_SECONDS=0 is out of range",
            "WEBHOOK_TIMEOUT_SECONDS|ten|WEBHOOK_TIMEOUT_SECONDS=ten is not an integer",
            "WEBHOOK_SEND_WHALE_ALERTS|maybe|WEBHOOK_SEND_WHALE_ALERTS=maybe is not a boolean"})
    void refusesInvalidSettingsNamingTheKey(String key, String value, String message) {
        Map<String, String> settings = Fixtures.settings("https://hooks.example.com/x");
        settings.put(key, value);
        assertThatThrownBy(() -> new WebhookAlertNotifierProvider().create(Fixtures.context(settings, Clock.systemUTC())))
                .isInstanceOf(AdapterException.class)
                .hasMessageContaining(message)
                .hasMessageNotContaining(value.equals("short-secret") ? value : "\u0000never");
    }

    @Test
    void settingsNeverPrintTheSecret() {
        var settings = WebhookSettings.from(io.whalewatch.application.spi.AdapterConfig.of(
                Fixtures.settings("https://hooks.example.com/T000/B000/token?key=abc")));
        assertThat(settings.toString()).doesNotContain(Fixtures.SECRET).doesNotContain("token").doesNotContain("abc")
                .contains("https://hooks.example.com");
    }
}
