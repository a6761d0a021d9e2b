/**
 * The "redis" signal publisher (alerts and updates to a pub/sub channel and a capped stream) and
 * the "redis" signal feed (edge nodes follow that stream). Exports nothing; found through its
 * providers.
 */
module io.whalewatch.adapter.publish.redis {
    requires io.whalewatch.application;
    requires org.slf4j;
    requires com.fasterxml.jackson.databind;
    requires lettuce.core;                 // Automatic-Module-Name
    // lettuce.core is an automatic module: the real Netty modules it uses are only resolved when an
    // explicit module requires them, so they are required here (reactor.core, reactive-streams and
    // redis-authx-core are automatic and come along with lettuce.core).
    requires io.netty.common;
    requires io.netty.buffer;
    requires io.netty.transport;
    requires io.netty.handler;
    requires io.netty.codec;
    requires io.netty.resolver;
    requires io.netty.resolver.dns;
    requires io.netty.codec.dns;
    requires io.netty.transport.unix.common;

    provides io.whalewatch.application.spi.SignalPublisherProvider
            with io.whalewatch.adapter.publish.redis.RedisSignalPublisherProvider;
    provides io.whalewatch.application.spi.SignalFeedProvider
            with io.whalewatch.adapter.publish.redis.RedisSignalFeedProvider;
}
