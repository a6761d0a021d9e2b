package io.whalewatch.adapter.store.duckdb.modulepath;

import io.whalewatch.application.port.out.PredictionJournal;
import io.whalewatch.application.port.out.PredictionRepository;
import io.whalewatch.application.spi.AdapterConfig;
import io.whalewatch.application.spi.AdapterContext;
import io.whalewatch.application.spi.Ports;
import io.whalewatch.application.spi.PredictionRepositoryProvider;
import io.whalewatch.testkit.Predictions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Child-process main run from the class path while the adapter, the application and the
 * libraries sit on the module path: proves the module descriptor, service binding, Flyway's
 * plugin and the migrations resources all work as named/automatic modules.
 */
public final class ModulePathMain {
    private ModulePathMain() {
    }

    public static void main(String[] args) {
        PredictionRepositoryProvider provider = ServiceLoader.load(PredictionRepositoryProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.name().equals("duckdb")).findFirst().orElseThrow();
        System.out.println("module=" + provider.getClass().getModule().getName());
        System.out.println("migrations-module=" + ModuleLayer.boot().findModule("io.whalewatch.migrations").isPresent());
        AdapterContext context = new AdapterContext(AdapterConfig.of(Map.of("DB_PATH", args[0])), Clock.systemUTC(),
                Ports.none());
        try (PredictionRepository repo = provider.create(context)) {
            System.out.println("saved=" + repo.saveAll(List.of(Predictions.inflow(41, 321.5))).size());
            System.out.println("lastAlertId=" + repo.lastAlertId());
            System.out.println("health=" + repo.health().description());
            PredictionJournal journal = repo.port(PredictionJournal.class).orElseThrow();
            journal.append(List.of(Predictions.inflow(42, 12.5)));
            System.out.println("journalLastAlertId=" + journal.lastAlertId());
        }
    }
}
