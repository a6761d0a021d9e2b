package io.whalewatch.bootstrap.runtime;

import io.whalewatch.application.port.out.PredictionRepository;
import io.whalewatch.application.spi.PredictionRepositoryProvider;
import io.whalewatch.bootstrap.config.Settings;
import io.whalewatch.bootstrap.plugin.Plugins;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates or migrates the database without starting anything else ({@code --init-db-only}, {@code db migrate}). */
public final class DatabaseInitializer {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseInitializer.class);

    private DatabaseInitializer() {
    }

    public static void migrate(Settings settings) {
        PredictionRepositoryProvider provider = Plugins.one(PredictionRepositoryProvider.class, settings.get("WHALEWATCH_STORE"));
        try (PredictionRepository repository = provider.create(Contexts.of(settings, Clock.systemUTC()))) {
            LOG.info("database {} is ready: {}", settings.get("DB_PATH"), repository.health().description());
        }
    }
}
