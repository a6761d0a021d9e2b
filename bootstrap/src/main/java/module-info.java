/**
 * The composition root: CLI, configuration, plugin selection and wiring. The only module that
 * uses {@link java.util.ServiceLoader}; it requires no adapter, they are bound as services.
 */
module io.whalewatch.bootstrap {
    requires io.whalewatch.application;
    requires info.picocli;
    requires io.github.cdimascio.dotenv.java;
    requires org.slf4j;
    requires ch.qos.logback.classic;
    requires ch.qos.logback.core;
    requires jul.to.slf4j;
    requires java.logging;
    requires java.management;
    requires java.net.http;
    requires jdk.unsupported;

    opens io.whalewatch.bootstrap.cli to info.picocli;

    uses io.whalewatch.application.spi.MempoolSourceProvider;
    uses io.whalewatch.application.spi.PredictionRepositoryProvider;
    uses io.whalewatch.application.spi.SignalPublisherProvider;
    uses io.whalewatch.application.spi.AddressBookProvider;
    uses io.whalewatch.application.spi.AccessTokensProvider;
    uses io.whalewatch.application.spi.MempoolSimulatorProvider;
    uses io.whalewatch.application.spi.SignalFeedProvider;
    uses io.whalewatch.application.spi.AlertNotifierProvider;
    uses io.whalewatch.application.spi.DatabaseToolsProvider;
}
