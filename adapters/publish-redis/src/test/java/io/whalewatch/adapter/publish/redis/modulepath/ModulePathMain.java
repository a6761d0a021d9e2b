package io.whalewatch.adapter.publish.redis.modulepath;

import io.whalewatch.application.port.out.SignalPublisher;
import io.whalewatch.application.spi.AdapterConfig;
import io.whalewatch.application.spi.AdapterContext;
import io.whalewatch.application.spi.Ports;
import io.whalewatch.application.spi.SignalFeed;
import io.whalewatch.application.spi.SignalFeedProvider;
import io.whalewatch.application.spi.SignalPublisherProvider;
import io.whalewatch.domain.prediction.Prediction;
import io.whalewatch.domain.prediction.PredictionUpdate;
import io.whalewatch.testkit.Predictions;
import java.time.Clock;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs in a child JVM with the adapter, Lettuce and Netty on the module path: finds both providers
 * through ServiceLoader, publishes one alert and reads it back through the feed. Prints the module
 * names and "DELIVERED"; exits 1 on failure.
 */
public final class ModulePathMain {
    private ModulePathMain() {
    }

    public static void main(String[] args) throws Exception {
        AdapterContext context = new AdapterContext(AdapterConfig.of(Map.of("REDIS_URL", args[0])), Clock.systemUTC(), Ports.none());
        SignalPublisherProvider pp = ServiceLoader.load(SignalPublisherProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("redis")).findFirst().orElseThrow();
        SignalFeedProvider fp = ServiceLoader.load(SignalFeedProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("redis")).findFirst().orElseThrow();
        System.out.println("publisher module: " + pp.getClass().getModule().getName());
        System.out.println("lettuce module: " + io.lettuce.core.RedisClient.class.getModule().getName());
        CountDownLatch delivered = new CountDownLatch(1);
        try (SignalPublisher publisher = pp.create(context); SignalFeed feed = fp.create(context)) {
            feed.start(new SignalPublisher() {
                @Override
                public void publish(Prediction prediction) {
                    delivered.countDown();
                }

                @Override
                public void publishUpdate(PredictionUpdate update) {
                }
            }, 0);
            publisher.publish(Predictions.inflow(1, 150));
            if (!delivered.await(20, TimeUnit.SECONDS)) {
                System.out.println("NOT DELIVERED: " + publisher.health() + " / " + feed.health());
                System.exit(1);
            }
            System.out.println("DELIVERED");
        }
        System.exit(0);
    }
}
