/**
 * The web adapter: the alert WebSocket (Tyrus on Grizzly, JWT), the HTTP API ({@code /health})
 * and the HS256 access-token service. Exports nothing; Tyrus instantiates nothing of ours
 * reflectively (endpoints and configurators are handed over as instances), so no opens either.
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
    requires org.glassfish.tyrus.container.grizzly.server;
    requires org.glassfish.grizzly;
    requires org.glassfish.grizzly.http;
    requires org.glassfish.grizzly.http.server;

    provides io.whalewatch.application.spi.AccessTokensProvider
            with io.whalewatch.adapter.web.jwt.JwtAccessTokensProvider;
    provides io.whalewatch.application.spi.SignalPublisherProvider
            with io.whalewatch.adapter.web.WebSignalPublisherProvider;
}
