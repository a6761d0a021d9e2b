/**
 * The web adapter: the alert WebSocket (Tyrus on Grizzly, JWT), the HTTP API ({@code /health}, the REST
 * API under {@code /api}, {@code /metrics} in Prometheus text format, {@code /openapi.json})
 * and the HS256 access-token service. Exports only the endpoint package, and only to Tyrus,
 * which calls the endpoint's lifecycle methods reflectively (the instance itself is handed over by
 * our configurator, so Tyrus never constructs our classes).
 */
module io.whalewatch.adapter.web {
    requires io.whalewatch.application;
    requires org.slf4j;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires com.nimbusds.jose.jwt;
    requires jakarta.websocket;
    requires org.glassfish.tyrus.core;
    requires org.glassfish.tyrus.spi;
    requires org.glassfish.tyrus.server;
    requires io.whalewatch.support.tyrus;        // the socket-less Tyrus container and the connection Writer capture
    requires org.glassfish.tyrus.container.grizzly.server;
    requires org.glassfish.grizzly;
    requires org.glassfish.grizzly.http;
    requires org.glassfish.grizzly.http.server;
    requires micrometer.core;                    // Automatic-Module-Name
    requires micrometer.registry.prometheus;     // Automatic-Module-Name
    requires io.prometheus.metrics.model;        // the detection-latency histogram collector
    requires java.management;                    // JVM metrics binders
    requires jdk.management;                     // GC pause notifications (com.sun.management)

    exports io.whalewatch.adapter.web.alert to org.glassfish.tyrus.core;

    provides io.whalewatch.application.spi.AccessTokensProvider
            with io.whalewatch.adapter.web.jwt.JwtAccessTokensProvider;
    provides io.whalewatch.application.spi.SignalPublisherProvider
            with io.whalewatch.adapter.web.WebSignalPublisherProvider;
}
