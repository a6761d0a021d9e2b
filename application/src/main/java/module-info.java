/**
 * whalewatch's use cases (port.in), the ports they need (port.out) and the SPI through which
 * bootstrap discovers adapters. The services implementing the use cases stay hidden.
 */
module io.whalewatch.application {
    requires transitive io.whalewatch.domain;
    exports io.whalewatch.application;
    exports io.whalewatch.application.port.in;
    exports io.whalewatch.application.port.out;
    exports io.whalewatch.application.spi;
}
