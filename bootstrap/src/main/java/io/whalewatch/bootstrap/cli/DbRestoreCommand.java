package io.whalewatch.bootstrap.cli;

import io.whalewatch.application.port.out.DatabaseTools;
import io.whalewatch.application.port.out.DatabaseTools.CheckReport;
import io.whalewatch.application.spi.AdapterException;
import io.whalewatch.bootstrap.config.Settings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code whalewatch db restore BACKUP}: replaces DB_PATH with a backup. The server must be stopped
 * (refused, naming the PID, while the file is held); the backup is checked first; the replaced
 * file is kept as {@code DB_PATH.bak} (an older .bak is overwritten).
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Replace DB_PATH with BACKUP (stop the server first). The backup is checked first; the old file is kept as DB_PATH.bak.")
final class DbRestoreCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions config;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BACKUP", description = "the backup file (from db backup)")
    Path backup;

    @Override
    public Integer call() {
        Settings settings = config.resolve();
        Path db = DbTools.dbPath(settings);
        Path source = backup.toAbsolutePath().normalize();
        DatabaseTools tools = DbTools.of(settings);
        CheckReport check = tools.check(source);
        PrintWriter out = spec.commandLine().getOut();
        if (!check.ok()) {
            DbCheckCommand.print(check, spec.commandLine().getErr());
            spec.commandLine().getErr().println("error: the backup " + source + " failed its check; " + db + " was not changed");
            return 1;
        }
        tools.requireNotInUse(db); // a running server holds the file: refused with its PID
        replace(db, source);
        out.println("restored " + db + " from " + source + (Files.exists(bak(db)) ? "; the previous file is " + bak(db) : ""));
        return 0;
    }

    private static void replace(Path db, Path source) {
        try {
            Files.createDirectories(db.getParent());
            Path incoming = db.resolveSibling(db.getFileName() + ".restoring");
            Files.copy(source, incoming, StandardCopyOption.REPLACE_EXISTING);
            if (Files.exists(db)) {
                Files.move(db, bak(db), StandardCopyOption.REPLACE_EXISTING);
            }
            Path wal = db.resolveSibling(db.getFileName() + ".wal"); // a WAL of the old file must not be replayed onto the new one
            if (Files.exists(wal)) {
                Files.move(wal, db.resolveSibling(db.getFileName() + ".wal.bak"), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(incoming, db, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new AdapterException("restore of " + db + " failed: " + e + " (the previous file, if any, is " + bak(db) + ")");
        }
    }

    private static Path bak(Path db) {
        return db.resolveSibling(db.getFileName() + ".bak");
    }
}
