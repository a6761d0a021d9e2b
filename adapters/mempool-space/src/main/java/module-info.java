/**
 * The mempool.space source: a Tyrus WebSocket client for the live {@code track-mempool} stream
 * and the JDK HttpClient for the REST look-ups. Exports nothing; found through its provider.
 */
module io.whalewatch.adapter.mempoolspace {
    requires io.whalewatch.application;
    requires org.slf4j;
    requires java.net.http;
    requires com.fasterxml.jackson.core;
    requires jakarta.websocket.client;
    requires org.glassfish.tyrus.client;
    requires org.glassfish.tyrus.spi;
    // Loaded by class name by Tyrus' ClientManager: requiring it makes sure it is resolved.
    requires org.glassfish.tyrus.container.grizzly.client;

    // Tyrus' ClientManager instantiates the transport it is given by class name.
    exports io.whalewatch.adapter.mempoolspace.tyrus to org.glassfish.tyrus.client, org.glassfish.tyrus.core;

    provides io.whalewatch.application.spi.MempoolSourceProvider
            with io.whalewatch.adapter.mempoolspace.MempoolSpaceSourceProvider;
}
