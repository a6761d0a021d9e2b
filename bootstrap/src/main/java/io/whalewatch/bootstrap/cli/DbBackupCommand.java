package io.whalewatch.bootstrap.cli;

import io.whalewatch.application.port.out.DatabaseBackup.BackupReport;
import io.whalewatch.bootstrap.config.Settings;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code whalewatch db backup PATH}: a consistent copy of the database. While a server runs it holds
 * the file (DuckDB allows one writer), so the copy is made by the server: POST /api/admin/backup with
 * a short-lived admin token minted from JWT_SECRET_KEY. With no server answering, the file is copied directly.
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Write a consistent copy of the database to PATH (a new file). Through the running server's API"
                + " (--url, default http://127.0.0.1:API_PORT; needs JWT_SECRET_KEY) or, with no server running, directly.")
final class DbBackupCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions config;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PATH", description = "the backup file to create (must not exist)")
    Path target;

    @Option(names = "--url", paramLabel = "URL", description = "the running server's API base URL (default http://127.0.0.1:API_PORT)")
    String url;

    @Override
    public Integer call() throws InterruptedException {
        Settings settings = config.resolve();
        Path file = target.toAbsolutePath().normalize();
        String base = url != null ? url : "http://127.0.0.1:" + settings.get("API_PORT");
        Optional<String> online = AdminBackupClient.backup(base, file, settings);
        if (online.isPresent()) {
            spec.commandLine().getOut().println("backup written by the running server: " + online.get());
            return 0;
        }
        BackupReport report = DbTools.of(settings).backup(DbTools.dbPath(settings), file);
        spec.commandLine().getOut().println("no server at " + base + "; backup written directly: " + DbTools.describe(report));
        return 0;
    }
}
