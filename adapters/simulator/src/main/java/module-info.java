/**
 * A protocol-faithful mempool.space server that generates realistic traffic (transactions, whales,
 * replacements, evictions, blocks) and injects faults on demand, for the demo, tests and benchmarks.
 */
module io.whalewatch.adapter.simulator {
    requires io.whalewatch.application;
    requires org.slf4j;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires jakarta.websocket;
    requires org.glassfish.tyrus.core;
    requires org.glassfish.tyrus.spi;
    requires org.glassfish.tyrus.server;
    requires io.whalewatch.support.tyrus;        // the socket-less Tyrus container and the connection Writer capture
    requires org.glassfish.tyrus.container.grizzly.server;
    requires org.glassfish.grizzly;
    requires org.glassfish.grizzly.http;
    requires org.glassfish.grizzly.http.server;

    // Tyrus instantiates and introspects the programmatic endpoint class.
    exports io.whalewatch.adapter.simulator.server to org.glassfish.tyrus.core, org.glassfish.tyrus.server;

    provides io.whalewatch.application.spi.MempoolSimulatorProvider
            with io.whalewatch.adapter.simulator.GeneratingMempoolSimulatorProvider;
}
