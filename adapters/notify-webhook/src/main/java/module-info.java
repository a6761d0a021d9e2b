/**
 * The webhook notifier: operator notifications as compact JSON POSTed over the JDK HttpClient,
 * signed with HMAC-SHA256 so receivers can prove origin and integrity. Exports nothing.
 */
module io.whalewatch.adapter.notify.webhook {
    requires io.whalewatch.application;
    requires java.net.http;
    requires org.slf4j;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;

    provides io.whalewatch.application.spi.AlertNotifierProvider
            with io.whalewatch.adapter.notify.webhook.WebhookAlertNotifierProvider;
}
