package io.whalewatch.bootstrap.cli;

import io.whalewatch.bootstrap.runtime.DatabaseInitializer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code whalewatch db ...}: database maintenance (migrate, backup, restore, check). */
@Command(name = "db", mixinStandardHelpOptions = true, description = "Database maintenance.",
        subcommands = {DbCommand.Migrate.class, DbBackupCommand.class, DbRestoreCommand.class, DbCheckCommand.class})
final class DbCommand {

    @Command(name = "migrate", mixinStandardHelpOptions = true,
            description = "Create the database or apply pending migrations (same as serve --init-db-only).")
    static final class Migrate implements Callable<Integer> {
        @Mixin
        ConfigOptions config;

        @Override
        public Integer call() {
            DatabaseInitializer.migrate(config.resolve());
            return 0;
        }
    }
}
