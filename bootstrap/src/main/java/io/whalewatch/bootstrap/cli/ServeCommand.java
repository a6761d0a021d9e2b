package io.whalewatch.bootstrap.cli;

import io.whalewatch.bootstrap.config.Settings;
import io.whalewatch.bootstrap.runtime.CdsTraining;
import io.whalewatch.bootstrap.runtime.DatabaseInitializer;
import io.whalewatch.bootstrap.runtime.RunUntilStopped;
import io.whalewatch.bootstrap.runtime.StartupChecks;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code whalewatch serve}: the detector against a real mempool.space (or compatible) upstream. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the detector against MEMPOOL_WS_URL; serves alerts on BROADCASTER_PORT and /health on API_PORT.")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions config;

    @Option(names = "--init-db-only", description = "create or migrate the database, then exit")
    boolean initDbOnly;

    @Option(names = "--cds-training", description = "start once on a scratch database and free ports, then exit; "
            + "run with -XX:ArchiveClassesAtExit=FILE to write the class-data archive for a faster start (README)")
    boolean cdsTraining;

    @Override
    public Integer call() {
        Settings settings = config.resolve();
        if (initDbOnly) {
            DatabaseInitializer.migrate(settings);
            return 0;
        }
        if (cdsTraining) {
            return CdsTraining.run(settings);
        }
        StartupChecks.requireProductionSecret(settings);
        return RunUntilStopped.run(settings);
    }
}
