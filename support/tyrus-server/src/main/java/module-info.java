/**
 * Tyrus server support shared by the adapters that serve WebSockets (web, simulator): a Tyrus
 * container that owns no sockets and plugs into the adapter's own Grizzly server, and the capture of
 * each new session's connection {@code Writer}. A library: it knows no whalewatch type.
 */
module io.whalewatch.support.tyrus {
    requires transitive jakarta.websocket;
    requires transitive org.glassfish.tyrus.spi;
    requires org.glassfish.tyrus.core;
    requires transitive org.glassfish.tyrus.server;

    exports io.whalewatch.support.tyrus;
}
