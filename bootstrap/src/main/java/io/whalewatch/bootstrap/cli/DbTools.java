package io.whalewatch.bootstrap.cli;

import io.whalewatch.application.port.out.DatabaseBackup.BackupReport;
import io.whalewatch.application.port.out.DatabaseTools;
import io.whalewatch.application.spi.DatabaseToolsProvider;
import io.whalewatch.bootstrap.config.Settings;
import io.whalewatch.bootstrap.plugin.Plugins;
import io.whalewatch.bootstrap.runtime.Contexts;
import java.nio.file.Path;
import java.time.Clock;

/** What the {@code db} commands share: the store's offline tools and DB_PATH. */
final class DbTools {
    private DbTools() {
    }

    static DatabaseTools of(Settings settings) {
        return Plugins.one(DatabaseToolsProvider.class, settings.get("WHALEWATCH_STORE")).create(Contexts.of(settings, Clock.systemUTC()));
    }

    static Path dbPath(Settings settings) {
        return Path.of(settings.get("DB_PATH")).toAbsolutePath().normalize();
    }

    static String describe(BackupReport r) {
        return r.file() + " (" + r.bytes() + " bytes; rows " + r.rows() + ")";
    }
}
